// Signatures made directly in the database, at the times and from the sources a test needs,
// with their counts kept as the signing service keeps them.
import { randomBytes } from "node:crypto";
import type { Db } from "../../../src/db/index.ts";
import type { SignatureStatus } from "../../../src/db/tables.ts";
import { incrementCounts } from "../../../src/modules/petitions/counts.repo.ts";

export interface Seed {
  email?: string;
  at: string;
  status?: SignatureStatus;
  country?: string;
  utmSource?: string | null;
  referrerHost?: string | null;
  referredBy?: string | null;
  networkHash?: string | null;
  /** When the supporter record was made, if before the signature (someone already known). */
  supporterSince?: string;
}

/** An address on a domain, unique in this run. */
export const emailAt = (domain: string) => `p.${randomBytes(5).toString("hex")}@${domain}`;

export async function seedSignature(db: Db, campaignId: number, seed: Seed): Promise<number> {
  const email = seed.email ?? emailAt("example.org");
  const canonical = email.toLowerCase();
  const existing = await db
    .selectFrom("supporters")
    .select("id")
    .where("email_canonical", "=", canonical)
    .executeTakeFirst();
  const supporterId =
    existing?.id ??
    (
      await db
        .insertInto("supporters")
        .values({
          email,
          email_canonical: canonical,
          name: "Test Signer",
          country: seed.country ?? "NO",
          postcode: null,
          locale: "en",
          created_at: seed.supporterSince ?? seed.at,
          updated_at: seed.at,
          member_since: null,
          erased_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const status = seed.status ?? "confirmed";
  const row = await db
    .insertInto("signatures")
    .values({
      campaign_id: campaignId,
      supporter_id: supporterId,
      name: "Test Signer",
      country: seed.country ?? "NO",
      postcode: null,
      comment: null,
      show_name: 0,
      status,
      locale: "en",
      referral_code: randomBytes(8).toString("base64url").slice(0, 10),
      referred_by: seed.referredBy ?? null,
      utm_source: seed.utmSource ?? null,
      utm_medium: null,
      utm_campaign: null,
      utm_term: null,
      utm_content: null,
      referrer_host: seed.referrerHost ?? null,
      network_hash: seed.networkHash ?? null,
      created_at: seed.at,
      confirmed_at: status === "confirmed" ? seed.at : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (status === "confirmed") await incrementCounts(db, campaignId, seed.country ?? "NO");
  return row.id;
}

/** The cached counts of a campaign: total and per country. */
export async function countsOf(db: Db, campaignId: number) {
  const total = await db
    .selectFrom("campaign_counts")
    .select("total")
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  const countries = await db
    .selectFrom("campaign_country_counts")
    .select(["country", "total"])
    .where("campaign_id", "=", campaignId)
    .where("total", "<>", 0)
    .orderBy("country")
    .execute();
  return { total: total?.total ?? 0, byCountry: Object.fromEntries(countries.map((c) => [c.country, c.total])) };
}

/** An ISO time so many minutes before another. */
export const minutesBefore = (at: Date, minutes: number) => new Date(at.getTime() - minutes * 60_000).toISOString();

let made = 0;

/** A campaign of the test's own (open, "confirm" policy), with a slug no other has in this run. */
export async function addWatchedCampaign(db: Db, prefix = "watch"): Promise<{ id: number; slug: string }> {
  made += 1;
  const slug = `${prefix}-${process.pid}-${made}`;
  const at = new Date().toISOString();
  const row = await db
    .insertInto("campaigns")
    .values({
      slug,
      locale: "en",
      status: "open",
      title: `Watched campaign ${slug}`,
      summary: "A campaign made by a test.",
      demand: "Welcome refugees.",
      target_name: "The test government",
      body_md: "Why it matters.",
      image_alt: null,
      featured: 0,
      created_at: at,
      updated_at: at,
      goal: null,
      deadline: null,
      outcome: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, slug };
}
