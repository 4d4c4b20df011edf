import type { Db } from "../../db/index.ts";
import type { HoldReason } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import type { JobHandler } from "../../jobs/worker.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { findCampaignSummary } from "../petitions/watch.repo.ts";
import { BURST, detectBurst } from "./burst.ts";
import { CHALLENGE, checkChallenge, issueChallenge } from "./challenge.ts";
import {
  busyPetitions,
  type ChallengeSwitchRow,
  pruneTakenChallenges,
  readChallengeSwitch,
  takeChallenge,
  writeChallengeSwitch,
} from "./challenge-switch.repo.ts";

/**
 * When a petition's sign form carries the proof-of-work challenge. A burst from few sources
 * switches it on (checked every minute by JOB_WATCH_BURSTS) until CHALLENGE.afterBurstMs after
 * the last reading of the burst; a campaigner switches it on (until switched off) or off (and
 * the automatic switch then waits CHALLENGE.afterBurstMs before it may switch it on again).
 */
export interface ChallengeState {
  on: boolean;
  reason: "burst" | "campaigner" | null;
  since: string | null;
  /**
   * On: when it goes off by itself (null: when switched off). Off by a campaigner: until when
   * a burst may not switch it on.
   */
  until: string | null;
}

export function challengeStateOf(row: ChallengeSwitchRow | undefined, at: Date = new Date()): ChallengeState {
  const live = row !== undefined && (row.ends_at === null || row.ends_at > at.toISOString());
  if (!row || row.state === "off" || !live) {
    const heldOff = row !== undefined && live && row.state === "off";
    return { on: false, reason: heldOff ? row.reason : null, since: null, until: heldOff ? row.ends_at : null };
  }
  return { on: true, reason: row.reason, since: row.since, until: row.ends_at };
}

export async function readChallengeState(db: Db, campaignId: number, at: Date = new Date()): Promise<ChallengeState> {
  return challengeStateOf(await readChallengeSwitch(db, campaignId), at);
}

/**
 * Why a signature sent with the site's form is held back for the challenge, if it is: the
 * challenge is on for the petition and the field holds no solution that is valid, for this
 * petition and unused. A valid solution is taken (it cannot count twice).
 */
export async function challengeHold(
  deps: Deps,
  campaignId: number,
  solution: unknown,
  at: Date = new Date(),
): Promise<HoldReason | null> {
  if (!(await readChallengeState(deps.db, campaignId, at)).on) return null;
  const verdict = await checkChallenge(deps.config.secretKey, campaignId, solution, at);
  if (!verdict.ok) return "challenge";
  return (await takeChallenge(deps.db, verdict.signature, verdict.expiresAt.toISOString())) ? null : "challenge";
}

/**
 * A burst was read on a petition: switches the challenge on, or keeps it on for another
 * CHALLENGE.afterBurstMs; unless a campaigner switched it on (it stays on) or off lately.
 * True when it was off before.
 */
export async function switchOnForBurst(db: Db, campaignId: number, at: Date = new Date()): Promise<boolean> {
  const row = await readChallengeSwitch(db, campaignId);
  const state = challengeStateOf(row, at);
  if (state.on && state.reason === "campaigner") return false;
  if (!state.on && state.reason === "campaigner") return false; // switched off by a person lately
  await writeChallengeSwitch(db, {
    campaign_id: campaignId,
    state: "on",
    reason: "burst",
    since: state.on && state.since ? state.since : at.toISOString(),
    ends_at: new Date(at.getTime() + CHALLENGE.afterBurstMs).toISOString(),
    changed_by: null,
  });
  return !state.on;
}

/**
 * The periodic check: the open petitions with enough signatures in the burst window are read
 * for a burst, and those in one get the challenge. Taken challenges that expired are forgotten.
 */
export async function watchBursts(deps: Deps, at: Date = new Date()): Promise<number[]> {
  const since = new Date(at.getTime() - BURST.windowMs).toISOString();
  const switched: number[] = [];
  for (const id of await busyPetitions(deps.db, since)) {
    if (!(await detectBurst(deps.db, id, at)).burst) continue;
    if (await switchOnForBurst(deps.db, id, at)) switched.push(id);
  }
  await pruneTakenChallenges(deps.db, at.toISOString());
  return switched;
}

export const JOB_WATCH_BURSTS = "switch-on-challenge-in-bursts";

export const watchBurstsJob: JobHandler = async (deps, _payload, { log }) => {
  const switched = await watchBursts(deps);
  if (switched.length > 0) log.warn({ campaigns: switched }, "a burst switched the sign form's challenge on");
};

/** A campaigner's switch: "1" on (until switched off), "0" off; anything else is refused. */
export function challengeChoice(raw: unknown): boolean | null {
  return raw === "1" ? true : raw === "0" ? false : null;
}

/** Switches a petition's challenge on or off by hand, with its audit record, in one transaction. */
export async function switchChallenge(
  deps: Deps,
  staffUserId: number,
  campaignId: number,
  on: boolean,
  at: Date = new Date(),
): Promise<void> {
  if (!(await findCampaignSummary(deps.db, campaignId))) throw new NotFoundError();
  await deps.db.transaction().execute(async (trx) => {
    const before = challengeStateOf(await readChallengeSwitch(trx, campaignId), at);
    await writeChallengeSwitch(trx, {
      campaign_id: campaignId,
      state: on ? "on" : "off",
      reason: "campaigner",
      since: at.toISOString(),
      // Off by hand holds the automatic switch off for a while; on by hand stays on.
      ends_at: on ? null : new Date(at.getTime() + CHALLENGE.afterBurstMs).toISOString(),
      changed_by: staffUserId,
    });
    await recordAudit(trx, {
      staffUserId,
      action: on ? "challenge.on" : "challenge.off",
      entity: "campaign",
      entityId: campaignId,
      before: { on: before.on, reason: before.reason, until: before.until },
      after: { on, reason: "campaigner" },
    });
  });
}

/** The challenge a petition's sign form carries now, as JSON, or null while it is off. */
export async function formChallenge(deps: Deps, campaignId: number, at: Date = new Date()): Promise<string | null> {
  if (!(await readChallengeState(deps.db, campaignId, at)).on) return null;
  return issueChallenge(deps.config.secretKey, campaignId, at);
}
