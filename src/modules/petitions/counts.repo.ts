import { sql } from "kysely";
import type { Db, Dialect } from "../../db/index.ts";
import { forUpdate, now } from "../../db/portable.ts";

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
