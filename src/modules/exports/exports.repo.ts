import type { Db } from "../../db/index.ts";
import type { SignatureStatus } from "../../db/tables.ts";

/** Rows read per query: large enough to be quick, small enough to keep memory flat. */
export const EXPORT_BATCH_SIZE = 5000;

export interface SignatureFilter {
  campaignId: number;
  /** One status, or every status when null. */
  status: SignatureStatus | null;
  country: string | null;
  /** ISO-8601 instants: signed at or after `from`, and before `until`. */
  from: string | null;
  until: string | null;
}

/**
 * A campaign's signatures in id order, one batch at a time (keyset pagination on the id:
 * each query starts after the last id seen, so no query grows with the position and no
 * more than one batch is ever held). The signer's email comes from their supporter record,
 * and only while they are not erased.
 */
export async function* signatureBatches({ db }: { db: Db }, filter: SignatureFilter, batchSize = EXPORT_BATCH_SIZE) {
  let after = 0;
  for (;;) {
    let query = db
      .selectFrom("signatures")
      .innerJoin("supporters", "supporters.id", "signatures.supporter_id")
      .select([
        "signatures.id",
        "signatures.status",
        "signatures.created_at",
        "signatures.confirmed_at",
        "signatures.name",
        "supporters.email",
        "supporters.erased_at",
        "signatures.country",
        "signatures.postcode",
        "signatures.comment",
        "signatures.show_name",
        "signatures.locale",
        "signatures.referral_code",
        "signatures.referred_by",
        "signatures.utm_source",
        "signatures.utm_medium",
        "signatures.utm_campaign",
        "signatures.utm_term",
        "signatures.utm_content",
        "signatures.referrer_host",
      ])
      // The (campaign_id, id) index walks the petition from `after`: each row read once, in order.
      .where("signatures.campaign_id", "=", filter.campaignId)
      .where("signatures.id", ">", after);
    if (filter.status) query = query.where("signatures.status", "=", filter.status);
    if (filter.country) query = query.where("signatures.country", "=", filter.country);
    if (filter.from) query = query.where("signatures.created_at", ">=", filter.from);
    if (filter.until) query = query.where("signatures.created_at", "<", filter.until);
    const rows = await query.orderBy("signatures.id").limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = (rows.at(-1) as { id: number }).id;
  }
}

export interface SupporterFilter {
  /** Only members of the community (who confirmed joining). */
  membersOnly: boolean;
  /** Only those with a confirmed, not withdrawn consent to email updates. */
  withConsent: boolean;
  country: string | null;
  locale: string | null;
  /** ISO-8601 instant: first known at or after this. */
  since: string | null;
}

/**
 * Supporters in id order, one batch at a time (keyset pagination, as signatureBatches).
 * Erased supporters are never read: nothing personal is left of them to export.
 */
export async function* supporterBatches(db: Db, filter: SupporterFilter, batchSize = EXPORT_BATCH_SIZE) {
  let after = 0;
  for (;;) {
    let query = db
      .selectFrom("supporters")
      .select((eb) => [
        "supporters.id",
        "supporters.email",
        "supporters.name",
        "supporters.country",
        "supporters.postcode",
        "supporters.locale",
        "supporters.created_at",
        "supporters.member_since",
        eb
          .exists(
            eb
              .selectFrom("consents")
              .select("consents.id")
              .whereRef("consents.supporter_id", "=", "supporters.id")
              .where("consents.purpose", "=", "email-updates")
              .where("consents.confirmed_at", "is not", null)
              .where("consents.withdrawn_at", "is", null),
          )
          .as("email_consent"),
      ])
      .where("supporters.erased_at", "is", null)
      .where("supporters.id", ">", after);
    if (filter.membersOnly) query = query.where("supporters.member_since", "is not", null);
    if (filter.withConsent) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("consents")
            .select("consents.id")
            .whereRef("consents.supporter_id", "=", "supporters.id")
            .where("consents.purpose", "=", "email-updates")
            .where("consents.confirmed_at", "is not", null)
            .where("consents.withdrawn_at", "is", null),
        ),
      );
    }
    if (filter.country) query = query.where("supporters.country", "=", filter.country);
    if (filter.locale) query = query.where("supporters.locale", "=", filter.locale);
    if (filter.since) query = query.where("supporters.created_at", ">=", filter.since);
    const rows = await query.orderBy("supporters.id").limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = (rows.at(-1) as { id: number }).id;
  }
}

/** The campaign an export or a delivery pack is for, in its own language. */
export function findCampaign(db: Db, id: number) {
  return db
    .selectFrom("campaigns")
    .select([
      "id",
      "slug",
      "locale",
      "title",
      "summary",
      "demand",
      "target_name",
      "target_office",
      "body_md",
      "status",
      "publish_at",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
}

export type ExportCampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

/** Confirmed signatures of a campaign per country, most first: counted, to match the list of names. */
export function confirmedByCountry(db: Db, campaignId: number) {
  return db
    .selectFrom("signatures")
    .select(["country", (eb) => eb.fn.countAll<number | string>().as("total")])
    .where("campaign_id", "=", campaignId)
    .where("status", "=", "confirmed")
    .groupBy("country")
    .execute()
    .then((rows) =>
      rows
        .map((r) => ({ country: r.country, total: Number(r.total) }))
        .sort((a, b) => b.total - a.total || a.country.localeCompare(b.country)),
    );
}
