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
