import type { Db } from "../../db/index.ts";
import type { SigningChallengeTable } from "../../db/tables.ts";
import { BURST } from "./burst.ts";

export type ChallengeSwitchRow = SigningChallengeTable;

/** A petition's challenge switch as last set (none: never switched). */
export async function readChallengeSwitch(db: Db, campaignId: number): Promise<ChallengeSwitchRow | undefined> {
  return db.selectFrom("signing_challenges").selectAll().where("campaign_id", "=", campaignId).executeTakeFirst();
}

/** Sets a petition's challenge switch (one row per petition). */
export async function writeChallengeSwitch(db: Db, row: ChallengeSwitchRow): Promise<void> {
  const { campaign_id: _id, ...rest } = row;
  await db
    .insertInto("signing_challenges")
    .values(row)
    .onConflict((oc) => oc.column("campaign_id").doUpdateSet(rest))
    .execute();
}

/**
 * The open petitions with enough signatures since `since` to be a burst: one grouped count
 * over the (campaign, created_at) index, so that the periodic check reads only the busy ones.
 */
export async function busyPetitions(db: Db, since: string): Promise<number[]> {
  const rows = await db
    .selectFrom("signatures")
    .innerJoin("campaigns", "campaigns.id", "signatures.campaign_id")
    .select(["signatures.campaign_id as id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("campaigns.status", "=", "open")
    .where("signatures.created_at", ">=", since)
    .where("signatures.status", "<>", "invalidated")
    .groupBy("signatures.campaign_id")
    .having((eb) => eb.fn.countAll(), ">=", BURST.minSignatures)
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Notes a challenge's solution as taken: true the first time, false if it was taken before
 * (a replay). Shared by every instance, as the database is.
 */
export async function takeChallenge(db: Db, signature: string, expiresAt: string): Promise<boolean> {
  const result = await db
    .insertInto("used_challenges")
    .values({ signature, expires_at: expiresAt })
    .onConflict((oc) => oc.column("signature").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Forgets taken challenges that have expired (they could not be answered again anyway). */
export async function pruneTakenChallenges(db: Db, at: string): Promise<number> {
  const result = await db.deleteFrom("used_challenges").where("expires_at", "<", at).executeTakeFirst();
  return Number(result.numDeletedRows);
}
