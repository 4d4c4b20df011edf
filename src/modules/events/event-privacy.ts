import type { Db, Dialect } from "../../db/index.ts";
import { lockEvent } from "./events.repo.ts";
import { promoteFromWaitlist, takesRsvps } from "./rsvp.service.ts";

/** How long after an event its attendee list is kept. */
export const RSVP_RETENTION_MONTHS = 12;

/** A supporter's RSVPs and the events they host, for their own export. */
export async function eventDataOf(db: Db, supporterId: number) {
  const [rsvps, hosted] = await Promise.all([
    db
      .selectFrom("event_rsvps as r")
      .innerJoin("events as e", "e.id", "r.event_id")
      .select([
        "e.title as event",
        "e.slug as event_slug",
        "e.starts_at as event_starts_at",
        "r.name",
        "r.status",
        "r.reminders",
        "r.locale",
        "r.created_at",
        "r.confirmed_at",
        "r.cancelled_at",
      ])
      .where("r.supporter_id", "=", supporterId)
      .orderBy("r.created_at")
      .execute(),
    db
      .selectFrom("events")
      .select([
        "title",
        "slug",
        "status",
        "starts_at",
        "ends_at",
        "time_zone",
        "town",
        "country",
        "location",
        "host_name",
      ])
      .where("host_supporter_id", "=", supporterId)
      .orderBy("created_at")
      .execute(),
  ]);
  return {
    rsvps: rsvps.map((r) => ({ ...r, reminders: r.reminders === 1 })),
    hosted_events: hosted,
  };
}

/**
 * Erasure's part here: the supporter's RSVPs go (a place they held passes to the waitlist,
 * as a cancellation would), events they sent that were never published go, and published
 * ones lose their link to them and the name they showed.
 */
export async function forgetEventDataOf(db: Db, dialect: Dialect, supporterId: number): Promise<void> {
  const rsvps = await db
    .selectFrom("event_rsvps")
    .select(["id", "event_id", "status"])
    .where("supporter_id", "=", supporterId)
    .execute();
  if (rsvps.length > 0) {
    await db
      .deleteFrom("tokens")
      .where("purpose", "=", "confirm-rsvp")
      .where(
        "subject_id",
        "in",
        rsvps.map((r) => r.id),
      )
      .execute();
    await db.deleteFrom("event_rsvps").where("supporter_id", "=", supporterId).execute();
    const freed = [...new Set(rsvps.filter((r) => r.status === "going").map((r) => r.event_id))];
    for (const eventId of freed) {
      const event = await lockEvent(db, dialect, eventId);
      if (event && takesRsvps(event)) await promoteFromWaitlist(db, event);
    }
  }
  await db
    .deleteFrom("events")
    .where("host_supporter_id", "=", supporterId)
    .where("status", "in", ["waiting", "rejected"])
    .execute();
  await db
    .updateTable("events")
    .set({ host_supporter_id: null, host_name: "" })
    .where("host_supporter_id", "=", supporterId)
    .execute();
}

function monthsBefore(months: number, now: Date): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/**
 * Retention's part here: RSVPs never confirmed go after the unconfirmed period (with their
 * tokens), and every RSVP of an event that ended RSVP_RETENTION_MONTHS ago goes.
 */
export async function applyEventRetention(db: Db, now: Date, unconfirmedBefore: string) {
  const stale = await db
    .selectFrom("event_rsvps")
    .select("id")
    .where("status", "=", "pending")
    .where("created_at", "<", unconfirmedBefore)
    .execute();
  const staleIds = stale.map((r) => r.id);
  if (staleIds.length > 0) {
    await db.deleteFrom("tokens").where("purpose", "=", "confirm-rsvp").where("subject_id", "in", staleIds).execute();
    await db.deleteFrom("event_rsvps").where("id", "in", staleIds).execute();
  }
  const endedBefore = monthsBefore(RSVP_RETENTION_MONTHS, now);
  const past = await db
    .deleteFrom("event_rsvps")
    .where("event_id", "in", (eb) => eb.selectFrom("events").select("id").where("ends_at", "<", endedBefore))
    .executeTakeFirst();
  return { unconfirmedRsvps: staleIds.length, pastEventRsvps: Number(past.numDeletedRows) };
}
