import { sql } from "kysely";
import type { Db, Dialect } from "../../db/index.ts";
import { forUpdate, now } from "../../db/portable.ts";
import type { Unit } from "../../db/write-batch.ts";

/**
 * Adds one confirmed signature to the campaign's counts. Call it in the transaction that
 * confirms the signature: the count moves if and only if the signature does.
 */
export async function incrementCounts(db: Db, campaignId: number, country: string): Promise<void> {
  const at = now();
  await db
    .insertInto("campaign_counts")
    .values({ campaign_id: campaignId, total: 1, updated_at: at })
    .onConflict((oc) => oc.column("campaign_id").doUpdateSet({ total: sql`campaign_counts.total + 1`, updated_at: at }))
    .execute();
  await db
    .insertInto("campaign_country_counts")
    .values({ campaign_id: campaignId, country, total: 1 })
    .onConflict((oc) =>
      oc.columns(["campaign_id", "country"]).doUpdateSet({ total: sql`campaign_country_counts.total + 1` }),
    )
    .execute();
}

/**
 * Moves a campaign's counts by a number of signatures per country, up (restored) or down
 * (invalidated). Call it in the transaction that changes those signatures' status.
 */
export async function adjustCounts(
  db: Db,
  campaignId: number,
  changes: readonly { country: string; change: number }[],
): Promise<void> {
  const moved = changes.filter((c) => c.change !== 0);
  if (moved.length === 0) return;
  const at = now();
  const total = moved.reduce((sum, c) => sum + c.change, 0);
  await db
    .insertInto("campaign_counts")
    .values({ campaign_id: campaignId, total: Math.max(total, 0), updated_at: at })
    .onConflict((oc) =>
      oc.column("campaign_id").doUpdateSet({ total: sql`campaign_counts.total + ${total}`, updated_at: at }),
    )
    .execute();
  for (const { country, change } of moved) {
    await db
      .insertInto("campaign_country_counts")
      .values({ campaign_id: campaignId, country, total: Math.max(change, 0) })
      .onConflict((oc) =>
        oc.columns(["campaign_id", "country"]).doUpdateSet({ total: sql`campaign_country_counts.total + ${change}` }),
      )
      .execute();
  }
}

/**
 * Adds a signature to its campaign's counts at the end of its batch (db/write-batch.ts):
 * one update for all of a batch's signatures of a campaign, in the transaction that writes
 * them, so the count still moves if and only if they do. The counts row is every signer's:
 * this way its lock is held only from that update to the commit.
 */
export function countAtEndOfBatch(unit: Unit, campaignId: number, country: string): void {
  unit.later(`counts:${campaignId}`, country, async (trx, countries: string[]) => {
    const byCountry = new Map<string, number>();
    for (const c of countries) byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
    const changes = [...byCountry].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, change]) => ({ country: c, change }));
    await adjustCounts(trx, campaignId, changes);
  });
}

export interface CountRow {
  total: number;
  updatedAt: string | null;
}

export async function readCount(db: Db, campaignId: number): Promise<CountRow> {
  const row = await db
    .selectFrom("campaign_counts")
    .select(["total", "updated_at"])
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  return { total: row?.total ?? 0, updatedAt: row?.updated_at ?? null };
}

export async function readCounts(db: Db, campaignIds: number[]): Promise<Map<number, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("campaign_counts")
    .select(["campaign_id", "total"])
    .where("campaign_id", "in", campaignIds)
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, r.total]));
}

export async function readCountryCounts(db: Db, campaignId: number): Promise<{ country: string; total: number }[]> {
  return db
    .selectFrom("campaign_country_counts")
    .select(["country", "total"])
    .where("campaign_id", "=", campaignId)
    .where("total", ">", 0)
    .orderBy("total", "desc")
    .orderBy("country")
    .execute();
}

/**
 * Recomputes a campaign's counts from its confirmed signatures: the truth the cached
 * counts are checked against. Run it in a transaction: the counts row is locked first, so
 * a confirmation in flight either lands before the recount sees it or adds on top after.
 * Returns the total before and after.
 */
export async function reconcileCounts(
  db: Db,
  dialect: Dialect,
  campaignId: number,
): Promise<{ before: number; after: number }> {
  const locked = await forUpdate(
    db.selectFrom("campaign_counts").select("total").where("campaign_id", "=", campaignId),
    dialect,
  ).executeTakeFirst();
  const before = locked?.total ?? 0;
  const byCountry = await db
    .selectFrom("signatures")
    .select(["country", (eb) => eb.fn.countAll<number>().as("n")])
    .where("campaign_id", "=", campaignId)
    .where("status", "=", "confirmed")
    .groupBy("country")
    .execute();
  const after = byCountry.reduce((sum, r) => sum + Number(r.n), 0);
  const at = now();
  await db.deleteFrom("campaign_country_counts").where("campaign_id", "=", campaignId).execute();
  if (byCountry.length > 0) {
    await db
      .insertInto("campaign_country_counts")
      .values(byCountry.map((r) => ({ campaign_id: campaignId, country: r.country, total: Number(r.n) })))
      .execute();
  }
  await db
    .insertInto("campaign_counts")
    .values({ campaign_id: campaignId, total: after, updated_at: at })
    .onConflict((oc) => oc.column("campaign_id").doUpdateSet({ total: after, updated_at: at }))
    .execute();
  return { before, after };
}
