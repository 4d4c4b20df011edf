import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import { DomainError } from "../../errors.ts";

/** Every petition at once (the emergency switch), or one petition by its campaign's id. */
export type PauseScope = "all" | number;

const scopeKey = (scope: PauseScope) => (scope === "all" ? "all" : String(scope));

/** Signing refused while paused: nothing is recorded, and the signer is told why. */
export class SigningPausedError extends DomainError {
  constructor() {
    super("conflict", "signing-paused");
  }
}

export interface PauseState {
  /** This petition is paused. */
  campaign: boolean;
  /** Every petition is paused. */
  all: boolean;
}

/** Whether signing a campaign is paused, on its own or with every other (one indexed read). */
export async function readPause(db: Db, campaignId: number): Promise<PauseState> {
  const rows = await db
    .selectFrom("signing_pauses")
    .select("scope")
    .where("scope", "in", ["all", scopeKey(campaignId)])
    .execute();
  return { all: rows.some((r) => r.scope === "all"), campaign: rows.some((r) => r.scope !== "all") };
}

export const isPaused = (state: PauseState) => state.all || state.campaign;

export async function isGloballyPaused(db: Db): Promise<boolean> {
  const row = await db.selectFrom("signing_pauses").select("scope").where("scope", "=", "all").executeTakeFirst();
  return row !== undefined;
}

/** Pauses or resumes; true when that changed anything. */
export async function setPause(db: Db, scope: PauseScope, paused: boolean, staffUserId: number): Promise<boolean> {
  const key = scopeKey(scope);
  if (!paused) {
    const result = await db.deleteFrom("signing_pauses").where("scope", "=", key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
  const inserted = await db
    .insertInto("signing_pauses")
    .values({
      scope: key,
      campaign_id: scope === "all" ? null : scope,
      paused_by: staffUserId,
      paused_at: now(),
    })
    .onConflict((oc) => oc.column("scope").doNothing())
    .returning("scope")
    .executeTakeFirst();
  return inserted !== undefined;
}
