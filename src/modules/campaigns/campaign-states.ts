import type { CampaignStatus } from "../../db/tables.ts";

export type { CampaignStatus };

/** A campaign the public can see: everything but a draft. */
export const PUBLIC_STATES = ["open", "won", "delivered", "closed"] as const satisfies readonly CampaignStatus[];

/** The order campaigns are listed in: open ones first, then victories, then the rest. */
export function listingRank(status: CampaignStatus): number {
  const rank = (PUBLIC_STATES as readonly CampaignStatus[]).indexOf(status);
  return rank === -1 ? PUBLIC_STATES.length : rank;
}

/** A campaign takes signatures while it is open and its deadline, if any, has not passed. */
export function takesSignatures(
  campaign: { status: CampaignStatus; deadline: string | null },
  now = new Date(),
): boolean {
  return campaign.status === "open" && (campaign.deadline === null || campaign.deadline > now.toISOString());
}

/**
 * Where a campaign stands in the editor: its status, except that a draft with a time to
 * publish at is "scheduled" (the status column stays "draft", so it stays out of public view).
 */
export type EditorialState = CampaignStatus | "scheduled";

export function editorialState(campaign: { status: CampaignStatus; publish_at: string | null }): EditorialState {
  return campaign.status === "draft" && campaign.publish_at !== null ? "scheduled" : campaign.status;
}

/** What a campaigner can do to a campaign's state. */
export type Transition = "schedule" | "unschedule" | "publish" | "close" | "declare-victory" | "mark-delivered";

/** The transitions each state allows, in the order the editor offers them. */
export const TRANSITIONS: Record<EditorialState, readonly Transition[]> = {
  draft: ["publish", "schedule"],
  scheduled: ["publish", "schedule", "unschedule"],
  open: ["close", "declare-victory", "mark-delivered"],
  closed: ["declare-victory", "mark-delivered"],
  won: ["mark-delivered"],
  delivered: [],
};

/** The status a transition leaves a campaign in. */
export const TRANSITION_TARGET: Record<Transition, CampaignStatus> = {
  schedule: "draft",
  unschedule: "draft",
  publish: "open",
  close: "closed",
  "declare-victory": "won",
  "mark-delivered": "delivered",
};

export function isTransition(value: unknown): value is Transition {
  return typeof value === "string" && Object.hasOwn(TRANSITION_TARGET, value);
}

export function mayMove(state: EditorialState, transition: Transition): boolean {
  return TRANSITIONS[state].includes(transition);
}
