import { isCountryCode } from "../i18n/countries.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { EMAIL_MESSAGES, nameProblem } from "../petitions/signature-input.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";
import { isTimeZone, wallTimeToUtc } from "./event-times.ts";

/** The limits of the host's and the attendee's fields, shown as maxlength and checked here. */
export const EVENT_LIMITS = {
  title: 120,
  description: 5000,
  town: 80,
  location: 500,
  capacity: 100_000,
  /** The longest an event may last. */
  days: 14,
  /** How far ahead an event may be. */
  yearsAhead: 3,
} as const;

export type EventMode = "in-person" | "online";

/** What the host's form sent, as text, to be shown again when something is wrong. */
export interface EventForm {
  name: string;
  email: string;
  shownAs: string;
  title: string;
  description: string;
  start: string;
  end: string;
  timeZone: string;
  mode: string;
  town: string;
  country: string;
  location: string;
  capacity: string;
  /** The slug of the group the host says runs it, or "" (its organiser is asked to accept). */
  group: string;
}

export interface ValidEvent {
  name: string;
  email: string;
  emailCanonical: string;
  hostName: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  online: boolean;
  town: string | null;
  country: string | null;
  location: string;
  capacity: number | null;
}

export interface Problem<F extends string> {
  field: F;
  message: MessageKey;
}

const CONTROL = /(?![\n\t])\p{Cc}/u;

function text(b: Record<string, unknown>, field: string): string {
  const value = b[field];
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

function asRecord(body: unknown): Record<string, unknown> {
  return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
}

export function blankEventForm(): EventForm {
  return {
    name: "",
    email: "",
    shownAs: "full",
    title: "",
    description: "",
    start: "",
    end: "",
    timeZone: "Europe/Oslo",
    mode: "in-person",
    town: "",
    country: "",
    location: "",
    capacity: "",
    group: "",
  };
}

export function readEventForm(body: unknown): EventForm {
  const b = asRecord(body);
  return {
    name: text(b, "name").replace(/\s+/g, " "),
    email: text(b, "email"),
    shownAs: text(b, "shown_as"),
    title: text(b, "title").replace(/\s+/g, " "),
    description: text(b, "description"),
    start: text(b, "start"),
    end: text(b, "end"),
    timeZone: text(b, "time_zone"),
    mode: text(b, "mode"),
    town: text(b, "town").replace(/\s+/g, " "),
    country: text(b, "country").toUpperCase(),
    location: text(b, "location"),
    capacity: text(b, "capacity").replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10)),
    group: text(b, "group"),
  };
}

/** The name shown publicly: the whole name, or the first word only. */
export function shownName(name: string, shownAs: string): string {
  return shownAs === "first" ? (name.split(" ")[0] ?? name) : name;
}

function plainProblem(
  value: string,
  max: number,
  required: boolean,
  keys: { missing: MessageKey; long: MessageKey; invalid: MessageKey },
) {
  if (value === "") return required ? keys.missing : null;
  if (value.length > max) return keys.long;
  if (CONTROL.test(value)) return keys.invalid;
  return null;
}

/** When and where an event is, as the host's form and the events admin's change form send it. */
export type WhenWhereForm = Pick<
  EventForm,
  "start" | "end" | "timeZone" | "mode" | "town" | "country" | "location" | "capacity"
>;

export type ValidWhenWhere = Pick<
  ValidEvent,
  "startsAt" | "endsAt" | "timeZone" | "online" | "town" | "country" | "location" | "capacity"
>;

/** Checks the time, place, location and capacity; adds a problem for each wrong field. */
export function checkWhenWhere(
  form: WhenWhereForm,
  add: (field: keyof WhenWhereForm, message: MessageKey | null) => void,
  now = new Date(),
): ValidWhenWhere | null {
  const zoneOk = isTimeZone(form.timeZone);
  const start = zoneOk ? wallTimeToUtc(form.start, form.timeZone) : null;
  const end = zoneOk ? wallTimeToUtc(form.end, form.timeZone) : null;
  let ok = true;
  const fail = (field: keyof WhenWhereForm, message: MessageKey | null) => {
    if (!message) return;
    ok = false;
    add(field, message);
  };
  if (!start) fail("start", "events.error.start.invalid");
  else if (start <= now) fail("start", "events.error.start.past");
  else if (start.getTime() - now.getTime() > EVENT_LIMITS.yearsAhead * 366 * 864e5)
    fail("start", "events.error.start.far");
  if (!end) fail("end", "events.error.end.invalid");
  else if (start && end <= start) fail("end", "events.error.end.beforeStart");
  else if (start && end.getTime() - start.getTime() > EVENT_LIMITS.days * 864e5)
    fail("end", "events.error.end.tooLong");
  if (!zoneOk) fail("timeZone", "events.error.timeZone");
  const online = form.mode === "online";
  if (!online && form.mode !== "in-person") fail("mode", "events.error.mode");
  if (!online) {
    fail(
      "town",
      plainProblem(form.town, EVENT_LIMITS.town, true, {
        missing: "events.error.town.missing",
        long: "events.error.town.tooLong",
        invalid: "events.error.invalid",
      }),
    );
    if (!isCountryCode(form.country)) fail("country", "sign.error.country.missing");
  } else if (form.country !== "" && !isCountryCode(form.country)) fail("country", "sign.error.country.missing");
  const location = plainProblem(form.location, EVENT_LIMITS.location, true, {
    missing: online ? "events.error.link.missing" : "events.error.address.missing",
    long: "events.error.location.tooLong",
    invalid: "events.error.invalid",
  });
  if (location) fail("location", location);
  else if (online && !/^https:\/\/[^\s]+$/i.test(form.location)) fail("location", "events.error.link.invalid");
  let capacity: number | null = null;
  if (form.capacity !== "") {
    capacity = /^\d{1,6}$/.test(form.capacity) ? Number(form.capacity) : Number.NaN;
    if (!(capacity >= 1 && capacity <= EVENT_LIMITS.capacity)) fail("capacity", "events.error.capacity");
  }
  if (!ok || !start || !end) return null;
  return {
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    timeZone: form.timeZone,
    online,
    town: online ? null : form.town,
    country: form.country === "" ? null : form.country,
    location: form.location,
    capacity,
  };
}

/** Checks the host's form; every problem at once, in the order of the fields. */
export function validateEvent(
  form: EventForm,
  now = new Date(),
): { ok: true; value: ValidEvent } | { ok: false; problems: Problem<keyof EventForm>[] } {
  const problems: Problem<keyof EventForm>[] = [];
  const add = (field: keyof EventForm, message: MessageKey | null) => {
    if (message) problems.push({ field, message });
  };
  add("name", nameProblem(form.name));
  const email = checkEmail(form.email);
  if (email) add("email", EMAIL_MESSAGES[email]);
  if (form.shownAs !== "full" && form.shownAs !== "first") add("shownAs", "events.error.shownAs");
  add(
    "title",
    plainProblem(form.title, EVENT_LIMITS.title, true, {
      missing: "events.error.title.missing",
      long: "events.error.title.tooLong",
      invalid: "events.error.invalid",
    }),
  );
  add(
    "description",
    plainProblem(form.description, EVENT_LIMITS.description, true, {
      missing: "events.error.description.missing",
      long: "events.error.description.tooLong",
      invalid: "events.error.invalid",
    }),
  );
  const whenWhere = checkWhenWhere(form, add, now);
  if (problems.length > 0 || !whenWhere) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: form.name,
      email: form.email,
      emailCanonical: canonicalEmail(form.email),
      hostName: shownName(form.name, form.shownAs),
      title: form.title,
      description: form.description,
      ...whenWhere,
    },
  };
}

/** What the RSVP form sent. */
export interface RsvpForm {
  name: string;
  email: string;
  reminders: boolean;
}

export interface ValidRsvp {
  name: string;
  email: string;
  emailCanonical: string;
  reminders: boolean;
}

export function blankRsvpForm(): RsvpForm {
  return { name: "", email: "", reminders: false };
}

export function readRsvpForm(body: unknown): RsvpForm {
  const b = asRecord(body);
  const r = b.reminders;
  return {
    name: text(b, "name").replace(/\s+/g, " "),
    email: text(b, "email"),
    reminders: typeof r === "string" && r !== "" && r !== "0",
  };
}

export function validateRsvp(
  form: RsvpForm,
): { ok: true; value: ValidRsvp } | { ok: false; problems: Problem<keyof RsvpForm>[] } {
  const problems: Problem<keyof RsvpForm>[] = [];
  const name = nameProblem(form.name);
  if (name) problems.push({ field: "name", message: name });
  const email = checkEmail(form.email);
  if (email) problems.push({ field: "email", message: EMAIL_MESSAGES[email] });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: form.name,
      email: form.email.trim(),
      emailCanonical: canonicalEmail(form.email),
      reminders: form.reminders,
    },
  };
}
