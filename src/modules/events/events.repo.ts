import type { Db, Dialect } from "../../db/index.ts";
import { forUpdate } from "../../db/portable.ts";
import type { EventStatus, RsvpStatus } from "../../db/tables.ts";

/** An event as the public sees it: never the exact address or link, never the host's email. */
export interface PublicEvent {
  id: number;
  slug: string;
  locale: string;
  title: string;
  description_md: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  online: number;
  town: string | null;
  country: string | null;
  capacity: number | null;
  host_name: string;
  status: EventStatus;
  sequence: number;
  updated_at: string;
  going: number;
  waitlist: number;
}

/** The statuses of an RSVP that hold (or wait for) a place. */
export const ACTIVE_RSVP: readonly RsvpStatus[] = ["going", "waitlist"];

function publicColumns(db: Db) {
  return db
    .selectFrom("events as e")
    .select([
      "e.id",
      "e.slug",
      "e.locale",
      "e.title",
      "e.description_md",
      "e.starts_at",
      "e.ends_at",
      "e.time_zone",
      "e.online",
      "e.town",
      "e.country",
      "e.capacity",
      "e.host_name",
      "e.status",
      "e.sequence",
      "e.updated_at",
    ])
    .select((eb) => [
      eb
        .selectFrom("event_rsvps as r")
        .select((eb2) => eb2.fn.countAll<number>().as("n"))
        .whereRef("r.event_id", "=", "e.id")
        .where("r.status", "=", "going")
        .as("going"),
      eb
        .selectFrom("event_rsvps as r")
        .select((eb2) => eb2.fn.countAll<number>().as("n"))
        .whereRef("r.event_id", "=", "e.id")
        .where("r.status", "=", "waitlist")
        .as("waitlist"),
    ]);
}

function asPublic(row: Record<string, unknown>): PublicEvent {
  return { ...(row as unknown as PublicEvent), going: Number(row.going ?? 0), waitlist: Number(row.waitlist ?? 0) };
}

export interface EventFilters {
  country: string | null;
  mode: "online" | "in-person" | null;
  /** A group's slug: only the events it runs. */
  group?: string | null;
}

/** Published events not yet over, soonest first. */
export async function listUpcomingEvents(db: Db, filters: EventFilters, nowIso: string, limit = 100) {
  let query = publicColumns(db).where("e.status", "=", "published").where("e.ends_at", ">", nowIso);
  if (filters.country) query = query.where("e.country", "=", filters.country);
  if (filters.mode) query = query.where("e.online", "=", filters.mode === "online" ? 1 : 0);
  if (filters.group) {
    const slug = filters.group;
    query = query.where("e.group_id", "in", (eb) =>
      eb.selectFrom("groups").select("groups.id").where("groups.slug", "=", slug),
    );
  }
  const rows = await query.orderBy("e.starts_at").orderBy("e.id").limit(limit).execute();
  return rows.map(asPublic);
}

/** The countries of the published events not yet over, for the filter. */
export async function upcomingCountries(db: Db, nowIso: string): Promise<string[]> {
  const rows = await db
    .selectFrom("events")
    .select("country")
    .distinct()
    .where("status", "=", "published")
    .where("ends_at", ">", nowIso)
    .where("country", "is not", null)
    .execute();
  return rows.map((r) => r.country as string);
}

/** A published or cancelled event by its slug (waiting and rejected ones are not public). */
export async function findPublicEvent(db: Db, slug: string): Promise<PublicEvent | undefined> {
  const row = await publicColumns(db)
    .where("e.slug", "=", slug)
    .where("e.status", "in", ["published", "cancelled"])
    .executeTakeFirst();
  return row ? asPublic(row) : undefined;
}

/** Published and cancelled events, latest start first, with their counts (the events admin). */
export async function listPublicAndCancelled(db: Db, limit: number): Promise<PublicEvent[]> {
  const rows = await publicColumns(db)
    .where("e.status", "in", ["published", "cancelled"])
    .orderBy("e.starts_at", "desc")
    .orderBy("e.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(asPublic);
}

export async function findEventById(db: Db, id: number): Promise<PublicEvent | undefined> {
  const row = await publicColumns(db).where("e.id", "=", id).executeTakeFirst();
  return row ? asPublic(row) : undefined;
}

/** Every published event, soonest first, for the calendar feed (recently finished ones too); one group's if given. */
export async function listFeedEvents(db: Db, sinceIso: string, groupId?: number) {
  let query = publicColumns(db);
  if (groupId !== undefined) query = query.where("e.group_id", "=", groupId);
  const rows = await query
    .where("e.status", "in", ["published", "cancelled"])
    .where("e.ends_at", ">", sinceIso)
    .orderBy("e.starts_at")
    .limit(500)
    .execute();
  return rows.map(asPublic);
}

/**
 * Takes the event's row lock for the rest of the transaction (PostgreSQL; SQLite's one
 * writer already serialises), so confirmations and cancellations of one event queue up
 * and its places are counted by one at a time.
 */
export async function lockEvent(db: Db, dialect: Dialect, eventId: number) {
  return forUpdate(
    db.selectFrom("events").select(["id", "status", "capacity", "starts_at", "ends_at"]).where("id", "=", eventId),
    dialect,
  ).executeTakeFirst();
}

export async function countGoing(db: Db, eventId: number): Promise<number> {
  const row = await db
    .selectFrom("event_rsvps")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", "going")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
