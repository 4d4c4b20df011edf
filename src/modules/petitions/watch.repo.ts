import { sql } from "kysely";
import type { Db, Dialect } from "../../db/index.ts";
import { emailDomainOf, timeBucket } from "../../db/portable.ts";

// The questions a campaigner asks while watching a petition, each answered by one grouped
// query in the database: no signature is loaded to be counted here.

const HOUR_MS = 3_600_000;

/** Signatures received in one hour or day (not invalidated), and how many of them are confirmed. */
export interface Bucket {
  /** "YYYY-MM-DDTHH" (UTC hour) or "YYYY-MM-DD" (UTC day). */
  bucket: string;
  received: number;
  confirmed: number;
}

const confirmedSum = sql<number>`sum(case when status = 'confirmed' then 1 else 0 end)`;

async function bucketed(db: Db, dialect: Dialect, campaignId: number, unit: "hour" | "day", since?: string) {
  const bucket = timeBucket(dialect, "created_at", unit);
  let query = db
    .selectFrom("signatures")
    .select([bucket.as("bucket"), (eb) => eb.fn.countAll<number>().as("received"), confirmedSum.as("confirmed")])
    .where("campaign_id", "=", campaignId)
    .where("status", "<>", "invalidated");
  if (since) query = query.where("created_at", ">=", since);
  const rows = await query.groupBy(bucket).execute();
  return new Map(
    rows.map((r) => [String(r.bucket), { received: Number(r.received), confirmed: Number(r.confirmed ?? 0) }]),
  );
}

/** The last `hours` whole UTC hours up to and including this one, oldest first, gaps as zeros. */
export async function signaturesPerHour(
  db: Db,
  dialect: Dialect,
  campaignId: number,
  at: Date,
  hours = 48,
): Promise<Bucket[]> {
  const thisHour = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;
  const first = thisHour - (hours - 1) * HOUR_MS;
  const found = await bucketed(db, dialect, campaignId, "hour", new Date(first).toISOString());
  return Array.from({ length: hours }, (_, i) => {
    const bucket = new Date(first + i * HOUR_MS).toISOString().slice(0, 13);
    return { bucket, ...(found.get(bucket) ?? { received: 0, confirmed: 0 }) };
  });
}

/** Every UTC day from the first signature to today, oldest first, gaps as zeros (at most `most` days). */
export async function signaturesPerDay(
  db: Db,
  dialect: Dialect,
  campaignId: number,
  at: Date,
  most = 366,
): Promise<Bucket[]> {
  const found = await bucketed(db, dialect, campaignId, "day");
  if (found.size === 0) return [];
  const days = [...found.keys()].sort();
  const today = at.toISOString().slice(0, 10);
  const last = days.at(-1) ?? today;
  const end = Math.max(Date.parse(`${last}T00:00:00Z`), Date.parse(`${today}T00:00:00Z`));
  const start = Math.max(Date.parse(`${days[0]}T00:00:00Z`), end - (most - 1) * 24 * HOUR_MS);
  const out: Bucket[] = [];
  for (let t = start; t <= end; t += 24 * HOUR_MS) {
    const bucket = new Date(t).toISOString().slice(0, 10);
    out.push({ bucket, ...(found.get(bucket) ?? { received: 0, confirmed: 0 }) });
  }
  return out;
}

export interface StatusTotals {
  confirmed: number;
  pending: number;
  invalidated: number;
}

export async function statusTotals(db: Db, campaignId: number): Promise<StatusTotals> {
  const rows = await db
    .selectFrom("signatures")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("campaign_id", "=", campaignId)
    .groupBy("status")
    .execute();
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { confirmed: of("confirmed"), pending: of("pending"), invalidated: of("invalidated") };
}

/** A source, referral code, network or domain, with how many signatures came through it. */
export interface Tally {
  key: string | null;
  received: number;
  confirmed: number;
}

/** Where signatures came from: the utm_source given, else the referring host; null for neither. */
export async function topSources(db: Db, campaignId: number, limit = 10): Promise<Tally[]> {
  const source = sql<string | null>`coalesce(utm_source, referrer_host)`;
  const rows = await db
    .selectFrom("signatures")
    .select([source.as("key"), (eb) => eb.fn.countAll<number>().as("received"), confirmedSum.as("confirmed")])
    .where("campaign_id", "=", campaignId)
    .where("status", "<>", "invalidated")
    .groupBy(source)
    .orderBy("received", "desc")
    // Ties in the same order on both engines (they sort nulls differently): "direct" last.
    .orderBy(sql`case when ${source} is null then 1 else 0 end`)
    .orderBy("key")
    .limit(limit)
    .execute();
  return rows.map(tally);
}

/** The share links that brought the most signatures, by the referral code they carried. */
export async function topReferrals(db: Db, campaignId: number, limit = 10): Promise<Tally[]> {
  const rows = await db
    .selectFrom("signatures")
    .select(["referred_by as key", (eb) => eb.fn.countAll<number>().as("received"), confirmedSum.as("confirmed")])
    .where("campaign_id", "=", campaignId)
    .where("status", "<>", "invalidated")
    .where("referred_by", "is not", null)
    .groupBy("referred_by")
    .orderBy("received", "desc")
    .orderBy("referred_by")
    .limit(limit)
    .execute();
  return rows.map(tally);
}

function tally(r: { key: string | null; received: number | string; confirmed: number | string | null }): Tally {
  return { key: r.key, received: Number(r.received), confirmed: Number(r.confirmed ?? 0) };
}

/**
 * Signers for whom this petition was the first thing they did here: their first signature
 * anywhere is this one, and they had neither asked to join nor joined the community before.
 */
export async function newSupporters(db: Db, campaignId: number): Promise<number> {
  const row = await db
    .selectFrom("signatures as s")
    .innerJoin("supporters as p", "p.id", "s.supporter_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("s.campaign_id", "=", campaignId)
    .where("s.status", "<>", "invalidated")
    .where((eb) =>
      eb.and([
        eb.not(
          eb.exists(
            eb
              .selectFrom("signatures as o")
              .select("o.id")
              .whereRef("o.supporter_id", "=", "s.supporter_id")
              .whereRef("o.id", "<", "s.id"),
          ),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom("join_requests as j")
              .select("j.id")
              .whereRef("j.supporter_id", "=", "s.supporter_id")
              .whereRef("j.created_at", "<", "s.created_at"),
          ),
        ),
        eb.or([eb("p.member_since", "is", null), eb("p.member_since", ">=", eb.ref("s.created_at"))]),
      ]),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface Busiest {
  /** Signatures in the window, not invalidated: what each share is of. */
  total: number;
  rows: { key: string; count: number }[];
}

/** The networks (keyed hashes) that sent the most signatures to this petition since a time. */
export async function busiestNetworks(db: Db, campaignId: number, since: string, limit = 10): Promise<Busiest> {
  const [total, rows] = await Promise.all([
    recentTotal(db, campaignId, since),
    db
      .selectFrom("signatures")
      .select(["network_hash as key", (eb) => eb.fn.countAll<number>().as("count")])
      .where("campaign_id", "=", campaignId)
      .where("created_at", ">=", since)
      .where("status", "<>", "invalidated")
      .where("network_hash", "is not", null)
      .groupBy("network_hash")
      .orderBy("count", "desc")
      .orderBy("network_hash")
      .limit(limit)
      .execute(),
  ]);
  return { total, rows: rows.map((r) => ({ key: String(r.key), count: Number(r.count) })) };
}

/** The email domains that signed this petition most since a time. */
export async function busiestDomains(
  db: Db,
  dialect: Dialect,
  campaignId: number,
  since: string,
  limit = 10,
): Promise<Busiest> {
  const domain = emailDomainOf(dialect, "supporters.email_canonical");
  const [total, rows] = await Promise.all([
    recentTotal(db, campaignId, since),
    db
      .selectFrom("signatures")
      .innerJoin("supporters", "supporters.id", "signatures.supporter_id")
      .select([domain.as("key"), (eb) => eb.fn.countAll<number>().as("count")])
      .where("signatures.campaign_id", "=", campaignId)
      .where("signatures.created_at", ">=", since)
      .where("signatures.status", "<>", "invalidated")
      .groupBy(domain)
      .orderBy("count", "desc")
      .orderBy("key")
      .limit(limit)
      .execute(),
  ]);
  return { total, rows: rows.map((r) => ({ key: String(r.key), count: Number(r.count) })) };
}

async function recentTotal(db: Db, campaignId: number, since: string): Promise<number> {
  const row = await db
    .selectFrom("signatures")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("campaign_id", "=", campaignId)
    .where("created_at", ">=", since)
    .where("status", "<>", "invalidated")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** What the admin pages about one petition show of the campaign itself. */
export async function findCampaignSummary(db: Db, campaignId: number) {
  return db
    .selectFrom("campaigns")
    .select(["id", "slug", "title", "status", "deadline"])
    .where("id", "=", campaignId)
    .executeTakeFirst();
}
