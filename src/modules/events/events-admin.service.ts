import { now } from "../../db/portable.ts";
import type { RsvpStatus } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { checkWhenWhere, type Problem, type WhenWhereForm } from "./event-input.ts";
import { utcToWallTime } from "./event-times.ts";
import {
  ACTIVE_RSVP,
  countGoing,
  findEventById,
  listPublicAndCancelled,
  lockEvent,
  type PublicEvent,
} from "./events.repo.ts";
import { queueRemindersIn } from "./reminders.ts";
import { promoteFromWaitlist } from "./rsvp.service.ts";

export const MAIL_EVENT_CANCELLED = "event-cancelled";
export const MAIL_EVENT_CHANGED = "event-changed";

/** Every published or cancelled event, latest start first, with its counts. */
export async function listEventsForStaff(deps: Deps): Promise<PublicEvent[]> {
  return listPublicAndCancelled(deps.db, 200);
}

export interface Attendee {
  name: string;
  email: string;
  status: RsvpStatus;
  confirmedAt: string | null;
}

/** An event and the people who replied and confirmed, going first then the waitlist in order. */
export async function getEventForStaff(deps: Deps, id: number) {
  const event = await findEventById(deps.db, id);
  if (!event || event.status === "waiting" || event.status === "rejected") return undefined;
  const rows = await deps.db
    .selectFrom("event_rsvps as r")
    .innerJoin("supporters as s", "s.id", "r.supporter_id")
    .select(["r.name", "s.email", "r.status", "r.confirmed_at"])
    .where("r.event_id", "=", id)
    .where("r.status", "in", ACTIVE_RSVP)
    .orderBy("r.status")
    .orderBy("r.confirmed_at")
    .orderBy("r.id")
    .execute();
  const attendees: Attendee[] = rows.map((r) => ({
    name: r.name,
    email: r.email,
    status: r.status,
    confirmedAt: r.confirmed_at,
  }));
  return { event, attendees };
}

/**
 * Cancels a published event: in one transaction its status, the audit record and an email
 * to everyone going or waiting. Cancelling again changes nothing.
 */
export async function cancelEvent(deps: Deps, staffUserId: number, id: number): Promise<"cancelled" | "stale"> {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, deps.dialect, id);
    if (event?.status !== "published") return "stale" as const;
    const at = now();
    await trx
      .updateTable("events")
      .set((eb) => ({ status: "cancelled", cancelled_at: at, updated_at: at, sequence: eb("sequence", "+", 1) }))
      .where("id", "=", id)
      .execute();
    const told = await trx
      .selectFrom("event_rsvps")
      .select(["id", "supporter_id"])
      .where("event_id", "=", id)
      .where("status", "in", ACTIVE_RSVP)
      .execute();
    for (const r of told) {
      await queueMail(trx, {
        kind: MAIL_EVENT_CANCELLED,
        params: { rsvpId: r.id },
        idempotencyKey: `event-cancelled:${id}:${r.id}`,
        supporterId: r.supporter_id,
      });
    }
    await recordAudit(trx, {
      staffUserId,
      action: "event.cancel",
      entity: "event",
      entityId: id,
      before: { status: event.status },
      after: { status: "cancelled", attendeesTold: told.length },
    });
    return "cancelled" as const;
  });
  deps.wakeWorker();
  return outcome;
}

/** The change form as it starts: the event's own time (in its zone) and place. */
export async function changeFormOf(deps: Deps, id: number): Promise<WhenWhereForm | undefined> {
  const e = await deps.db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
  if (!e) return undefined;
  return {
    start: utcToWallTime(e.starts_at, e.time_zone),
    end: utcToWallTime(e.ends_at, e.time_zone),
    timeZone: e.time_zone,
    mode: e.online === 1 ? "online" : "in-person",
    town: e.town ?? "",
    country: e.country ?? "",
    location: e.location,
    capacity: e.capacity === null ? "" : String(e.capacity),
  };
}

export type ChangeOutcome =
  | { kind: "changed" }
  | { kind: "invalid"; problems: Problem<keyof WhenWhereForm>[] }
  | { kind: "stale" };

/**
 * Changes a published event's time, place, location or capacity: in one transaction the
 * change (its calendar SEQUENCE raised), the waitlist promoted into any new places, the audit
 * record, an email with the new details to everyone going or waiting, and, for an event now
 * starting within a day, the reminders not yet queued. A capacity below the number of people
 * going is refused.
 */
export async function changeEvent(
  deps: Deps,
  staffUserId: number,
  id: number,
  form: WhenWhereForm,
): Promise<ChangeOutcome> {
  const problems: Problem<keyof WhenWhereForm>[] = [];
  const add = (field: keyof WhenWhereForm, message: MessageKey | null) => {
    if (message) problems.push({ field, message });
  };
  const value = checkWhenWhere(form, add);
  if (!value) return { kind: "invalid", problems };
  const outcome = await deps.db.transaction().execute(async (trx): Promise<ChangeOutcome> => {
    const locked = await lockEvent(trx, deps.dialect, id);
    if (locked?.status !== "published") return { kind: "stale" };
    const going = await countGoing(trx, id);
    if (value.capacity !== null && value.capacity < going) {
      return { kind: "invalid", problems: [{ field: "capacity", message: "events.error.capacity.belowGoing" }] };
    }
    const before = await trx
      .selectFrom("events")
      .select(["starts_at", "ends_at", "time_zone", "online", "town", "country", "location", "capacity", "sequence"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const after = {
      starts_at: value.startsAt,
      ends_at: value.endsAt,
      time_zone: value.timeZone,
      online: value.online ? 1 : 0,
      town: value.town,
      country: value.country,
      location: value.location,
      capacity: value.capacity,
      sequence: before.sequence + 1,
    };
    await trx
      .updateTable("events")
      .set({ ...after, updated_at: now() })
      .where("id", "=", id)
      .execute();
    await promoteFromWaitlist(trx, { id, capacity: value.capacity });
    const told = await trx
      .selectFrom("event_rsvps")
      .select(["id", "supporter_id"])
      .where("event_id", "=", id)
      .where("status", "in", ACTIVE_RSVP)
      .execute();
    for (const r of told) {
      await queueMail(trx, {
        kind: MAIL_EVENT_CHANGED,
        params: { rsvpId: r.id, sequence: after.sequence },
        idempotencyKey: `event-changed:${id}:${after.sequence}:${r.id}`,
        supporterId: r.supporter_id,
      });
    }
    // Moved to within a day: the reminders go now, not at the job's next run (once, by their key).
    await queueRemindersIn(trx, new Date(), id);
    await recordAudit(trx, {
      staffUserId,
      action: "event.change",
      entity: "event",
      entityId: id,
      before,
      after: { ...after, attendeesTold: told.length },
    });
    return { kind: "changed" };
  });
  deps.wakeWorker();
  return outcome;
}
