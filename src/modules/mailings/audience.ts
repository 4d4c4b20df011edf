import { type SelectQueryBuilder, sql } from "kysely";
import type { Db } from "../../db/index.ts";
import type { Tables } from "../../db/tables.ts";
import { isCountryCode } from "../i18n/countries.ts";
import { isLocale } from "../i18n/locales.ts";

/**
 * Who a mailing goes to: always and only supporters with a current confirmed consent to
 * email updates, never erased ones; then narrowed by these filters, each optional and all
 * combined. Signers of the chosen petitions and members are one group (either one is enough);
 * countries, languages, interests and the date narrow it further.
 */
export interface Audience {
  /** Confirmed signers of any of these petitions. */
  campaignIds: number[];
  /** Members of the community (they confirmed joining). */
  members: boolean;
  countries: string[];
  locales: string[];
  /** Supporters who said they care about any of these topics. */
  topicIds: number[];
  /** Supporters first known on or after this day (YYYY-MM-DD, UTC). */
  joinedSince: string | null;
}

export const EVERYONE: Audience = {
  campaignIds: [],
  members: false,
  countries: [],
  locales: [],
  topicIds: [],
  joinedSince: null,
};

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");

const ids = (value: unknown): number[] =>
  [
    ...new Set(
      list(value)
        .filter((v) => /^\d{1,12}$/.test(v))
        .map(Number),
    ),
  ].slice(0, 500);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD string is a real day. */
export function isDay(value: string): boolean {
  return (
    DAY.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

/** The audience a form describes (fields campaign, members, country, language, topic, joinedSince). */
export function audienceFromForm(body: Record<string, unknown>): { audience: Audience; badDay: boolean } {
  const since = typeof body.joinedSince === "string" ? body.joinedSince.trim() : "";
  return {
    audience: {
      campaignIds: ids(body.campaign),
      members: body.members === "yes",
      countries: [...new Set(list(body.country).filter(isCountryCode))],
      locales: [...new Set(list(body.language).filter(isLocale))],
      topicIds: ids(body.topic),
      joinedSince: since && isDay(since) ? since : null,
    },
    badDay: since !== "" && !isDay(since),
  };
}

/** As stored with the mailing. */
export function audienceToJson(audience: Audience): string {
  return JSON.stringify(audience);
}

export function audienceFromJson(json: string): Audience {
  const raw = JSON.parse(json) as Partial<Audience>;
  return { ...EVERYONE, ...raw };
}

type SupporterQuery = SelectQueryBuilder<Tables & { s: Tables["supporters"] }, "s", object>;

/** The supporters an audience holds right now (select what you need from "s"). */
export function audienceQuery(db: Db, a: Audience): SupporterQuery {
  let query = (db.selectFrom("supporters as s") as unknown as SupporterQuery)
    .where("s.erased_at", "is", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("consents as c")
          .select("c.id")
          .whereRef("c.supporter_id", "=", "s.id")
          .where("c.purpose", "=", "email-updates")
          .where("c.confirmed_at", "is not", null)
          .where("c.withdrawn_at", "is", null),
      ),
    );
  if (a.campaignIds.length > 0 || a.members) {
    query = query.where((eb) =>
      eb.or([
        ...(a.campaignIds.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom("signatures as g")
                  .select("g.id")
                  .whereRef("g.supporter_id", "=", "s.id")
                  .where("g.campaign_id", "in", a.campaignIds)
                  .where("g.status", "=", "confirmed"),
              ),
            ]
          : []),
        ...(a.members ? [eb("s.member_since", "is not", null)] : []),
      ]),
    );
  }
  if (a.countries.length > 0) query = query.where("s.country", "in", a.countries);
  if (a.locales.length > 0) query = query.where("s.locale", "in", a.locales);
  if (a.topicIds.length > 0) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("supporter_topics as t")
          .select("t.topic_id")
          .whereRef("t.supporter_id", "=", "s.id")
          .where("t.topic_id", "in", a.topicIds),
      ),
    );
  }
  if (a.joinedSince) query = query.where("s.created_at", ">=", `${a.joinedSince}T00:00:00.000Z`);
  return query;
}

/** How many the audience holds now (before any suppressed address is skipped at sending). */
export async function countAudience(db: Db, audience: Audience): Promise<number> {
  const row = await audienceQuery(db, audience)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number((row as { n: unknown }).n);
}

/** Fixes the list of a mailing as it starts: the audience's supporters at this moment. */
export async function materialiseRecipients(db: Db, mailingId: number, audience: Audience): Promise<number> {
  const result = await db
    .insertInto("mailing_recipients")
    .columns(["mailing_id", "supporter_id"])
    .expression(audienceQuery(db, audience).select([sql<number>`${sql.lit(mailingId)}`.as("mailing_id"), "s.id"]))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
