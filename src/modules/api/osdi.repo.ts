import { type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/index.ts";
import { PUBLIC_STATES } from "../campaigns/campaign-states.ts";
import type { DateFilter, Paging } from "./paging.ts";

/** The WHERE of a modified-date filter on one column or expression. */
function modifiedWhere(column: Expression<unknown>, filters: DateFilter[]): Expression<SqlBool> {
  if (filters.length === 0) return sql<SqlBool>`1 = 1`;
  const ops = { gt: sql.raw(">"), lt: sql.raw("<"), eq: sql.raw("=") };
  return sql<SqlBool>`${sql.join(
    filters.map((f) => sql`${column} ${ops[f.op]} ${f.at}`),
    sql` and `,
  )}`;
}

const offsetOf = (p: Paging) => (p.page - 1) * p.perPage;

async function countOf(query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

// People: supporters not erased. Their email is the organisation's own data, for read keys.
const supporterModified = sql.ref("supporters.updated_at");

export async function pagePeople(db: Db, paging: Paging, filters: DateFilter[]) {
  const base = db
    .selectFrom("supporters")
    .where("erased_at", "is", null)
    .where(modifiedWhere(supporterModified, filters));
  const [rows, total] = await Promise.all([
    base.select(PERSON_COLUMNS).orderBy("id").limit(paging.perPage).offset(offsetOf(paging)).execute(),
    countOf(base.select((eb) => eb.fn.countAll<number>().as("n"))),
  ]);
  return { rows, total };
}

const PERSON_COLUMNS = ["id", "name", "email", "country", "postcode", "locale", "created_at", "updated_at"] as const;

export function findPerson(db: Db, id: number) {
  return db
    .selectFrom("supporters")
    .select(PERSON_COLUMNS)
    .where("id", "=", id)
    .where("erased_at", "is", null)
    .executeTakeFirst();
}

/** Which of these people have a current, confirmed consent to campaign emails. */
export async function subscribedAmong(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("consents")
    .select("supporter_id")
    .where("supporter_id", "in", ids)
    .where("purpose", "=", "email-updates")
    .where("confirmed_at", "is not", null)
    .where("withdrawn_at", "is", null)
    .execute();
  return new Set(rows.map((r) => Number(r.supporter_id)));
}

// Signatures: modified when confirmed (or made). Erased signers' rows stay, without a person.
const signatureModified = sql`coalesce(signatures.confirmed_at, signatures.created_at)`;

function signaturesQuery(db: Db) {
  return db
    .selectFrom("signatures")
    .innerJoin("campaigns", "campaigns.id", "signatures.campaign_id")
    .innerJoin("supporters", "supporters.id", "signatures.supporter_id");
}

const SIGNATURE_COLUMNS = [
  "signatures.id",
  "signatures.status",
  "signatures.comment",
  "signatures.utm_source",
  "signatures.referred_by",
  "signatures.referrer_host",
  "signatures.created_at",
  "signatures.confirmed_at",
  "signatures.supporter_id",
  "supporters.erased_at",
  "campaigns.slug",
] as const;

export async function pageSignatures(
  db: Db,
  paging: Paging,
  filters: DateFilter[],
  of: { campaignId?: number; supporterId?: number } = {},
) {
  let base = signaturesQuery(db).where(modifiedWhere(signatureModified, filters));
  if (of.campaignId !== undefined) base = base.where("signatures.campaign_id", "=", of.campaignId);
  if (of.supporterId !== undefined) {
    base = base.where("signatures.supporter_id", "=", of.supporterId).where("supporters.erased_at", "is", null);
  }
  const [rows, total] = await Promise.all([
    base.select(SIGNATURE_COLUMNS).orderBy("signatures.id").limit(paging.perPage).offset(offsetOf(paging)).execute(),
    countOf(base.select((eb) => eb.fn.countAll<number>().as("n"))),
  ]);
  return { rows, total };
}

export function findSignature(db: Db, id: number) {
  return signaturesQuery(db).select(SIGNATURE_COLUMNS).where("signatures.id", "=", id).executeTakeFirst();
}

export type SignatureRow = NonNullable<Awaited<ReturnType<typeof findSignature>>>;

/** The signature a referral code belongs to (each has its own): what the signature helper answers with. */
export function findSignatureByReferral(db: Db, referralCode: string) {
  return signaturesQuery(db)
    .select(SIGNATURE_COLUMNS)
    .where("signatures.referral_code", "=", referralCode)
    .executeTakeFirst();
}

// Petitions: the public ones only.
const PETITION_COLUMNS = [
  "id",
  "slug",
  "title",
  "summary",
  "demand",
  "status",
  "target_name",
  "goal",
  "deadline",
  "created_at",
  "updated_at",
] as const;

export async function pagePetitions(db: Db, paging: Paging, filters: DateFilter[]) {
  const base = db
    .selectFrom("campaigns")
    .where("status", "in", PUBLIC_STATES)
    .where(modifiedWhere(sql.ref("campaigns.updated_at"), filters));
  const [rows, total] = await Promise.all([
    base
      .select(PETITION_COLUMNS)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(paging.perPage)
      .offset(offsetOf(paging))
      .execute(),
    countOf(base.select((eb) => eb.fn.countAll<number>().as("n"))),
  ]);
  return { rows, total };
}

export function findPetition(db: Db, slug: string) {
  return db
    .selectFrom("campaigns")
    .select(PETITION_COLUMNS)
    .where("slug", "=", slug)
    .where("status", "in", PUBLIC_STATES)
    .executeTakeFirst();
}

export type PetitionRow = NonNullable<Awaited<ReturnType<typeof findPetition>>>;

// Events: published or cancelled ones (never those waiting for moderation or rejected).
const EVENT_COLUMNS = [
  "id",
  "slug",
  "title",
  "description_md",
  "starts_at",
  "ends_at",
  "time_zone",
  "online",
  "town",
  "country",
  "capacity",
  "status",
  "created_at",
  "updated_at",
] as const;

export async function pageEvents(db: Db, paging: Paging, filters: DateFilter[]) {
  const base = db
    .selectFrom("events")
    .where("status", "in", ["published", "cancelled"])
    .where(modifiedWhere(sql.ref("events.updated_at"), filters));
  const [rows, total] = await Promise.all([
    base.select(EVENT_COLUMNS).orderBy("id").limit(paging.perPage).offset(offsetOf(paging)).execute(),
    countOf(base.select((eb) => eb.fn.countAll<number>().as("n"))),
  ]);
  return { rows, total };
}

export function findEvent(db: Db, id: number) {
  return db
    .selectFrom("events")
    .select(EVENT_COLUMNS)
    .where("id", "=", id)
    .where("status", "in", ["published", "cancelled"])
    .executeTakeFirst();
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

// Attendances: RSVPs of people not erased, to events that are listed.
function attendancesQuery(db: Db) {
  return db
    .selectFrom("event_rsvps")
    .innerJoin("events", "events.id", "event_rsvps.event_id")
    .innerJoin("supporters", "supporters.id", "event_rsvps.supporter_id")
    .where("events.status", "in", ["published", "cancelled"])
    .where("supporters.erased_at", "is", null);
}

const ATTENDANCE_COLUMNS = [
  "event_rsvps.id",
  "event_rsvps.event_id",
  "event_rsvps.supporter_id",
  "event_rsvps.status",
  "event_rsvps.created_at",
  "event_rsvps.updated_at",
] as const;

export async function pageAttendances(db: Db, paging: Paging, filters: DateFilter[], eventId?: number) {
  let base = attendancesQuery(db).where(modifiedWhere(sql.ref("event_rsvps.updated_at"), filters));
  if (eventId !== undefined) base = base.where("event_rsvps.event_id", "=", eventId);
  const [rows, total] = await Promise.all([
    base.select(ATTENDANCE_COLUMNS).orderBy("event_rsvps.id").limit(paging.perPage).offset(offsetOf(paging)).execute(),
    countOf(base.select((eb) => eb.fn.countAll<number>().as("n"))),
  ]);
  return { rows, total };
}

export function findAttendance(db: Db, id: number) {
  return attendancesQuery(db).select(ATTENDANCE_COLUMNS).where("event_rsvps.id", "=", id).executeTakeFirst();
}

export type AttendanceRow = NonNullable<Awaited<ReturnType<typeof findAttendance>>>;

// Tags: the topics supporters choose as their interests, named in one language.
export async function pageTags(db: Db, paging: Paging, locale: string) {
  const base = db.selectFrom("topics");
  const [rows, total] = await Promise.all([
    base
      .leftJoin("topic_names", (j) =>
        j.onRef("topic_names.topic_id", "=", "topics.id").on("topic_names.locale", "=", locale),
      )
      .select(["topics.id", "topics.slug", "topic_names.name"])
      .orderBy("topics.position")
      .orderBy("topics.id")
      .limit(paging.perPage)
      .offset(offsetOf(paging))
      .execute(),
    countOf(base.select((eb) => eb.fn.countAll<number>().as("n"))),
  ]);
  return { rows, total };
}

export function findTag(db: Db, id: number, locale: string) {
  return db
    .selectFrom("topics")
    .leftJoin("topic_names", (j) =>
      j.onRef("topic_names.topic_id", "=", "topics.id").on("topic_names.locale", "=", locale),
    )
    .select(["topics.id", "topics.slug", "topic_names.name"])
    .where("topics.id", "=", id)
    .executeTakeFirst();
}

export type TagRow = NonNullable<Awaited<ReturnType<typeof findTag>>>;
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;
