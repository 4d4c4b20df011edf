import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * Events that hosts submit (published once a moderator approves them) and the RSVPs of
 * the people who come: one per supporter and event, going or on the waitlist once confirmed.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("events")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description_md", "text", (c) => c.notNull())
    .addColumn("starts_at", t.timestamp, (c) => c.notNull())
    .addColumn("ends_at", t.timestamp, (c) => c.notNull())
    // The IANA zone the host gave: times are shown in it, and the calendar says it.
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("online", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("town", "text")
    .addColumn("country", "text")
    // The exact address or joining link: only ever shown to confirmed attendees.
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("capacity", "integer")
    .addColumn("host_supporter_id", t.ref, (c) => c.references("supporters.id").onDelete("set null"))
    // The host's name as they chose to show it.
    .addColumn("host_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["waiting", "published", "rejected", "cancelled"])),
    )
    // Goes up with every change attendees' calendars must see (RFC 5545 SEQUENCE).
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("cancelled_at", t.timestamp)
    .execute();
  await db.schema.createIndex("events_listing").on("events").columns(["status", "starts_at"]).execute();
  await db.schema.createIndex("events_host").on("events").column("host_supporter_id").execute();
  await db.schema
    .createTable("event_rsvps")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("event_id", t.ref, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("supporter_id", t.ref, (c) => c.notNull().references("supporters.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(oneOf("status", ["pending", "going", "waitlist", "cancelled"])),
    )
    // The separate consent to be emailed a reminder and news of this event.
    .addColumn("reminders", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("confirmed_at", t.timestamp)
    .addColumn("cancelled_at", t.timestamp)
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addUniqueConstraint("event_rsvps_one_each", ["event_id", "supporter_id"])
    .execute();
  await db.schema
    .createIndex("event_rsvps_queue")
    .on("event_rsvps")
    .columns(["event_id", "status", "confirmed_at"])
    .execute();
  await db.schema.createIndex("event_rsvps_supporter").on("event_rsvps").column("supporter_id").execute();
}
