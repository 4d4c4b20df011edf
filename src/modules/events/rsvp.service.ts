import type { Db, Dialect } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import type { RsvpStatus } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { emitWebhookEvent } from "../api/webhook-events.ts";
import { i18nFor } from "../i18n/i18n.ts";
import type { Locale } from "../i18n/locales.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { confirmConsents, recordConsent } from "../supporters/consents.repo.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { consumeToken, inspectToken } from "../tokens/tokens.ts";
import { type Problem, type RsvpForm, validateRsvp } from "./event-input.ts";
import { countGoing, findPublicEvent, lockEvent } from "./events.repo.ts";
import { queueRemindersIn } from "./reminders.ts";

/** The emails of RSVPs, by their kind in the mail outbox (composed in event-mail.ts). */
export const MAIL_RSVP_CONFIRM = "rsvp-confirm";
export const MAIL_RSVP_PLACE = "rsvp-place";
export const MAIL_RSVP_PROMOTED = "rsvp-promoted";

/** The consent to be emailed a reminder and news of one event; its wording is versioned here. */
export const RSVP_CONSENT = { purpose: "event-emails", version: "event-emails-1" } as const;

/** Whether an event still takes RSVPs: published and not yet begun. */
export function takesRsvps(event: { status: string; starts_at: string }, at = now()): boolean {
  return event.status === "published" && event.starts_at > at;
}

export type RsvpOutcome =
  | { kind: "invalid"; problems: Problem<keyof RsvpForm | "event">[] }
  | { kind: "sent" }
  | { kind: "not-found" };

/**
 * An RSVP form: kept as pending until the address's owner confirms it by email. The
 * answer is the same whether or not that address already replied: someone who already has
 * a place (or is on the waitlist) is sent a link to their own page instead, and a
 * cancelled RSVP can be made again.
 */
export async function requestRsvp(
  deps: Deps,
  slug: string,
  form: RsvpForm,
  context: { shownIn: Locale },
): Promise<RsvpOutcome> {
  const event = await findPublicEvent(deps.db, slug);
  if (!event) return { kind: "not-found" };
  const checked = validateRsvp(form);
  const problems: Problem<keyof RsvpForm | "event">[] = checked.ok ? [] : [...checked.problems];
  if (!takesRsvps(event)) problems.unshift({ field: "event", message: "events.error.closed" });
  if (problems.length > 0 || !checked.ok) return { kind: "invalid", problems };
  const r = checked.value;
  await deps.db.transaction().execute(async (trx) => {
    const supporter = await findOrCreateSupporter(trx, {
      email: r.email,
      emailCanonical: r.emailCanonical,
      name: r.name,
      country: null,
      postcode: null,
      locale: context.shownIn,
    });
    const at = now();
    const existing = await trx
      .selectFrom("event_rsvps")
      .select(["id", "status"])
      .where("event_id", "=", event.id)
      .where("supporter_id", "=", supporter.id)
      .executeTakeFirst();
    let rsvpId: number;
    if (!existing) {
      const inserted = await trx
        .insertInto("event_rsvps")
        .values({
          event_id: event.id,
          supporter_id: supporter.id,
          name: r.name,
          locale: context.shownIn,
          status: "pending",
          reminders: r.reminders ? 1 : 0,
          created_at: at,
          confirmed_at: null,
          cancelled_at: null,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(["event_id", "supporter_id"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      rsvpId =
        inserted?.id ??
        (
          await trx
            .selectFrom("event_rsvps")
            .select("id")
            .where("event_id", "=", event.id)
            .where("supporter_id", "=", supporter.id)
            .executeTakeFirstOrThrow()
        ).id;
    } else {
      rsvpId = existing.id;
      // A place already held is never changed by someone who merely typed the address.
      if (existing.status === "pending" || existing.status === "cancelled") {
        await trx
          .updateTable("event_rsvps")
          .set({
            name: r.name,
            locale: context.shownIn,
            status: "pending",
            reminders: r.reminders ? 1 : 0,
            confirmed_at: null,
            cancelled_at: null,
            updated_at: at,
          })
          .where("id", "=", existing.id)
          .where("status", "in", ["pending", "cancelled"])
          .execute();
      }
    }
    if (r.reminders && (!existing || existing.status === "pending" || existing.status === "cancelled")) {
      await recordConsent(trx, {
        supporterId: supporter.id,
        purpose: RSVP_CONSENT.purpose,
        wording: i18nFor(context.shownIn).t("events.rsvp.reminders"),
        wordingVersion: RSVP_CONSENT.version,
        locale: context.shownIn,
        source: `rsvp:${rsvpId}`,
        campaignId: null,
        method: "form-checkbox",
      });
    }
    // At most one such email an hour per RSVP, however often the form is sent.
    const hour = at.slice(0, 13);
    const again = existing?.status === "going" || existing?.status === "waitlist";
    await queueMail(trx, {
      kind: MAIL_RSVP_CONFIRM,
      params: { rsvpId },
      idempotencyKey: `${again ? "rsvp-again" : "rsvp"}:${rsvpId}:${hour}`,
      supporterId: supporter.id,
    });
  });
  deps.wakeWorker();
  return { kind: "sent" };
}

export type RsvpConfirmation =
  | { state: "expired" | "unknown" }
  | { state: "valid" | "used"; rsvpId: number }
  | { state: "closed"; rsvpId: number };

export async function describeRsvpConfirmation(deps: Deps, token: unknown) {
  return (await inspectToken(deps.db, "confirm-rsvp", token)).state;
}

/**
 * The button on the confirmation page: the RSVP takes a place if one is free, else joins
 * the waitlist; the consent is confirmed and the email with the details is queued. The
 * event's row is locked first, so two confirmations never take the same last place.
 */
export async function confirmRsvp(deps: Deps, token: unknown): Promise<RsvpConfirmation> {
  const outcome = await deps.db.transaction().execute(async (trx): Promise<RsvpConfirmation> => {
    const used = await consumeToken(trx, "confirm-rsvp", token);
    if (used.state !== "valid") {
      return used.state === "used" ? { state: "used", rsvpId: used.subjectId } : { state: used.state };
    }
    const rsvp = await trx
      .selectFrom("event_rsvps")
      .select(["id", "event_id", "supporter_id", "status"])
      .where("id", "=", used.subjectId)
      .executeTakeFirst();
    if (!rsvp) return { state: "unknown" };
    const event = await lockEvent(trx, deps.dialect, rsvp.event_id);
    if (!event || !takesRsvps(event)) return { state: "closed", rsvpId: rsvp.id };
    if (rsvp.status !== "pending") return { state: "valid", rsvpId: rsvp.id };
    const going = await countGoing(trx, event.id);
    const status: RsvpStatus = event.capacity === null || going < event.capacity ? "going" : "waitlist";
    const at = now();
    await trx
      .updateTable("event_rsvps")
      .set({ status, confirmed_at: at, updated_at: at })
      .where("id", "=", rsvp.id)
      .where("status", "=", "pending")
      .execute();
    await confirmConsents(trx, rsvp.supporter_id, `rsvp:${rsvp.id}`);
    await emitWebhookEvent(trx, "rsvp.created", { attendance_id: rsvp.id, event_id: event.id, status });
    await queueMail(trx, {
      kind: MAIL_RSVP_PLACE,
      params: { rsvpId: rsvp.id },
      idempotencyKey: `rsvp-place:${rsvp.id}:${at}`,
      supporterId: rsvp.supporter_id,
    });
    // A place for an event within a day: its reminder now, not at the job's next run.
    if (status === "going") await queueRemindersIn(trx, new Date(), event.id);
    return { state: "valid", rsvpId: rsvp.id };
  });
  deps.wakeWorker();
  return outcome;
}

/**
 * Gives the free places of an event to the waitlist, first come first served, and tells
 * each person promoted (and, for an event within a day, queues their reminder if they asked
 * for one). Call it in a transaction that holds the event's lock (lockEvent).
 */
export async function promoteFromWaitlist(db: Db, event: { id: number; capacity: number | null }): Promise<number[]> {
  const going = await countGoing(db, event.id);
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - going;
  if (free <= 0) return [];
  const next = await db
    .selectFrom("event_rsvps")
    .select(["id", "supporter_id"])
    .where("event_id", "=", event.id)
    .where("status", "=", "waitlist")
    .orderBy("confirmed_at")
    .orderBy("id")
    .limit(Math.min(free, 10_000))
    .execute();
  const at = now();
  for (const r of next) {
    await db
      .updateTable("event_rsvps")
      .set({ status: "going", updated_at: at })
      .where("id", "=", r.id)
      .where("status", "=", "waitlist")
      .execute();
    await queueMail(db, {
      kind: MAIL_RSVP_PROMOTED,
      params: { rsvpId: r.id },
      idempotencyKey: `rsvp-promoted:${r.id}:${at}`,
      supporterId: r.supporter_id,
    });
  }
  if (next.length > 0) await queueRemindersIn(db, new Date(), event.id);
  return next.map((r) => r.id);
}

/**
 * Cancels an RSVP from its attendee's own page. A place given up goes to the next person on
 * the waitlist in the same transaction, under the event's lock, so two cancellations at once
 * promote two people, never the same one twice.
 */
export async function cancelRsvp(
  deps: { db: Db; dialect: Dialect; wakeWorker(): void },
  rsvpId: number,
): Promise<"cancelled" | "already"> {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const rsvp = await trx
      .selectFrom("event_rsvps")
      .select(["id", "event_id"])
      .where("id", "=", rsvpId)
      .executeTakeFirst();
    if (!rsvp) return "already" as const;
    const event = await lockEvent(trx, deps.dialect, rsvp.event_id);
    const before = await trx.selectFrom("event_rsvps").select("status").where("id", "=", rsvpId).executeTakeFirst();
    if (!event || !before || before.status === "cancelled") return "already" as const;
    const at = now();
    await trx
      .updateTable("event_rsvps")
      .set({ status: "cancelled", cancelled_at: at, updated_at: at })
      .where("id", "=", rsvpId)
      .execute();
    if (before.status === "going" && event.status === "published" && event.starts_at > at) {
      await promoteFromWaitlist(trx, event);
    }
    return "cancelled" as const;
  });
  deps.wakeWorker();
  return outcome;
}

export interface Attendance {
  rsvpId: number;
  status: RsvpStatus;
  name: string;
  eventId: number;
  eventSlug: string;
  /** The exact address or joining link: only while the RSVP holds a place. */
  location: string | null;
}

/** What an attendee's own page shows. */
export async function getAttendance(db: Db, rsvpId: number): Promise<Attendance | undefined> {
  const row = await db
    .selectFrom("event_rsvps as r")
    .innerJoin("events as e", "e.id", "r.event_id")
    .select(["r.id", "r.status", "r.name", "e.id as event_id", "e.slug", "e.location", "e.status as event_status"])
    .where("r.id", "=", rsvpId)
    .executeTakeFirst();
  if (!row) return undefined;
  const holdsPlace = row.status === "going" && row.event_status === "published";
  return {
    rsvpId: row.id,
    status: row.status,
    name: row.name,
    eventId: row.event_id,
    eventSlug: row.slug,
    location: holdsPlace ? row.location : null,
  };
}
