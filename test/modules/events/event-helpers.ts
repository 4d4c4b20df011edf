import type { FastifyInstance } from "fastify";
import type { Db } from "../../../src/db/index.ts";
import type { EventStatus } from "../../../src/db/tables.ts";
import type { Deps } from "../../../src/deps.ts";
import { postForm } from "../../support/app.ts";
import { mailTo, newEmail, runJobs } from "../petitions/petition-helpers.ts";

export const SECRET_ADDRESS = "Storgata 12, 3rd floor, ring Welcome";

const DAY = 864e5;

export interface NewEvent {
  title?: string;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  online?: boolean;
  town?: string | null;
  country?: string | null;
  location?: string;
  capacity?: number | null;
  status?: EventStatus;
  hostName?: string;
}

/** Stores an event as if a host had sent it and a moderator approved it (unless told a status). */
export async function addEvent(db: Db, e: NewEvent = {}) {
  const slug = `event-${Math.random().toString(36).slice(2, 10)}`;
  const start = e.startsAt ?? new Date(Date.now() + 10 * DAY).toISOString();
  const at = new Date().toISOString();
  const row = await db
    .insertInto("events")
    .values({
      slug,
      locale: "en",
      title: e.title ?? "Welcome dinner",
      description_md: "Bring a dish. **Everyone** is welcome.",
      starts_at: start,
      ends_at: e.endsAt ?? new Date(new Date(start).getTime() + 2 * 3600e3).toISOString(),
      time_zone: e.timeZone ?? "Europe/Oslo",
      online: e.online ? 1 : 0,
      town: e.town === undefined ? "Oslo" : e.town,
      country: e.country === undefined ? "NO" : e.country,
      location: e.location ?? SECRET_ADDRESS,
      capacity: e.capacity ?? null,
      host_supporter_id: null,
      host_name: e.hostName ?? "Ingrid",
      status: e.status ?? "published",
      created_at: at,
      updated_at: at,
      cancelled_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, slug };
}

export function rsvp(app: FastifyInstance, slug: string, fields: Record<string, string>, locale = "") {
  return postForm(app, `${locale}/events/${slug}`, `${locale}/events/${slug}/rsvp`, fields);
}

/** The raw token in the link of an RSVP confirmation email. */
export function rsvpTokenIn(mail: { text: string } | undefined): string {
  const token = /\/events\/rsvp\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no RSVP link in:\n${mail?.text}`);
  return token;
}

export const pressRsvpConfirm = (app: FastifyInstance, slug: string, token: string) =>
  postForm(app, `/events/${slug}`, "/events/rsvp/confirm", { token });

/** Replies and confirms; returns the attendee's own page (the link the confirmation leads to). */
export async function rsvpAndConfirm(
  t: { app: FastifyInstance; deps: Deps },
  slug: string,
  fields: Record<string, string> = {},
) {
  const email = fields.email ?? newEmail();
  const res = await rsvp(t.app, slug, { name: "Amina Rahimi", ...fields, email });
  if (res.statusCode !== 303) throw new Error(`RSVP answered ${res.statusCode}`);
  await runJobs(t.deps);
  const token = rsvpTokenIn((await mailTo(t.deps.db, email)).at(-1));
  const confirmed = await pressRsvpConfirm(t.app, slug, token);
  if (confirmed.statusCode !== 303) throw new Error(`confirming answered ${confirmed.statusCode}`);
  await runJobs(t.deps);
  return { email, attendance: String(confirmed.headers.location) };
}

export async function rsvpsOf(db: Db, eventId: number) {
  return db
    .selectFrom("event_rsvps")
    .innerJoin("supporters", "supporters.id", "event_rsvps.supporter_id")
    .select(["event_rsvps.id", "event_rsvps.status", "supporters.email"])
    .where("event_id", "=", eventId)
    .orderBy("event_rsvps.id")
    .execute();
}

/** The attendee's page key from their page's address. */
export const keyOf = (attendance: string) => new URL(attendance, "http://x").searchParams.get("a") ?? "";

export const cancelFrom = (app: FastifyInstance, attendance: string) =>
  postForm(app, attendance, "/events/attendance/cancel", { a: keyOf(attendance) });
