import type { GroupDetails } from "../../db/tables.ts";
import { isCountryCode } from "../i18n/countries.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { EMAIL_MESSAGES, nameProblem } from "../petitions/signature-input.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";

/** The limits of the groups' fields, shown as maxlength and checked here. */
export const GROUP_LIMITS = { name: 100, description: 5000, town: 80, message: 2000, query: 100 } as const;

export interface Problem<F extends string> {
  field: F;
  message: MessageKey;
}

type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; problems: Problem<F>[] };

const CONTROL = /(?![\n\t])\p{Cc}/u;

function asRecord(body: unknown): Record<string, unknown> {
  return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
}

function text(b: Record<string, unknown>, field: string): string {
  const value = b[field];
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

const oneLine = (b: Record<string, unknown>, field: string) => text(b, field).replace(/\s+/g, " ");
const ticked = (b: Record<string, unknown>, field: string) => {
  const v = b[field];
  return typeof v === "string" && v !== "" && v !== "0";
};

function plain(value: string, max: number, keys: { missing: MessageKey; long: MessageKey }): MessageKey | null {
  if (value === "") return keys.missing;
  if (value.length > max) return keys.long;
  if (CONTROL.test(value)) return "groups.error.invalid";
  return null;
}

function person(form: { name: string; email: string }, add: (field: "name" | "email", m: MessageKey | null) => void) {
  add("name", nameProblem(form.name));
  const email = checkEmail(form.email);
  if (email) add("email", EMAIL_MESSAGES[email]);
}

/** What the "start a group" form sent, as text, to show again when something is wrong. */
export interface GroupForm {
  name: string;
  email: string;
  groupName: string;
  description: string;
  town: string;
  country: string;
  /** "point" (latitude and longitude given) or "country" (the map shows the country only). */
  place: string;
  latitude: string;
  longitude: string;
}

export interface ValidGroup {
  name: string;
  email: string;
  emailCanonical: string;
  groupName: string;
  description: string;
  town: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
}

export function blankGroupForm(): GroupForm {
  return {
    name: "",
    email: "",
    groupName: "",
    description: "",
    town: "",
    country: "",
    place: "country",
    latitude: "",
    longitude: "",
  };
}

export function readGroupForm(body: unknown): GroupForm {
  const b = asRecord(body);
  const number = (field: string) => text(b, field).replace(",", ".");
  return {
    name: oneLine(b, "name"),
    email: text(b, "email"),
    groupName: oneLine(b, "group_name"),
    description: text(b, "description"),
    town: oneLine(b, "town"),
    country: text(b, "country").toUpperCase(),
    place: text(b, "place") === "point" ? "point" : "country",
    latitude: number("latitude"),
    longitude: number("longitude"),
  };
}

/** A coordinate in degrees within ±max, rounded to two decimals (about a kilometre: town level). */
function coordinate(value: string, max: number): number | null {
  if (!/^-?\d{1,3}(\.\d{1,8})?$/.test(value)) return null;
  const n = Number(value);
  return Math.abs(n) <= max ? Math.round(n * 100) / 100 : null;
}

/** A group's public details as a form sends them: the start form, the organiser's and staff's edit forms. */
export type GroupDetailsForm = Pick<
  GroupForm,
  "groupName" | "description" | "town" | "country" | "place" | "latitude" | "longitude"
>;

export type ValidGroupDetails = Pick<
  ValidGroup,
  "groupName" | "description" | "town" | "country" | "latitude" | "longitude"
>;

/** Checked details as the columns of a group (or of an edit to one) hold them. */
export function groupColumns(d: ValidGroupDetails): GroupDetails {
  return {
    name: d.groupName,
    description_md: d.description,
    town: d.town,
    country: d.country,
    latitude: d.latitude,
    longitude: d.longitude,
  };
}

export function readGroupDetailsForm(body: unknown): GroupDetailsForm {
  const { groupName, description, town, country, place, latitude, longitude } = readGroupForm(body);
  return { groupName, description, town, country, place, latitude, longitude };
}

/** Checks a group's name, description, town, country and map point; adds a problem for each wrong field. */
export function checkGroupDetails(
  form: GroupDetailsForm,
  add: (field: keyof GroupDetailsForm, message: MessageKey | null) => void,
): ValidGroupDetails {
  add(
    "groupName",
    plain(form.groupName, GROUP_LIMITS.name, {
      missing: "groups.error.name.missing",
      long: "groups.error.name.tooLong",
    }),
  );
  add(
    "description",
    plain(form.description, GROUP_LIMITS.description, {
      missing: "groups.error.description.missing",
      long: "groups.error.description.tooLong",
    }),
  );
  add(
    "town",
    plain(form.town, GROUP_LIMITS.town, { missing: "events.error.town.missing", long: "events.error.town.tooLong" }),
  );
  if (!isCountryCode(form.country)) add("country", "sign.error.country.missing");
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (form.place === "point") {
    latitude = coordinate(form.latitude, 90);
    longitude = coordinate(form.longitude, 180);
    if (latitude === null) add("latitude", "groups.error.latitude");
    if (longitude === null) add("longitude", "groups.error.longitude");
  }
  const { groupName, description, town, country } = form;
  return { groupName, description, town, country, latitude, longitude };
}

/** Checks a group's details alone; every problem at once. */
export function validateGroupDetails(form: GroupDetailsForm): Checked<ValidGroupDetails, keyof GroupDetailsForm> {
  const problems: Problem<keyof GroupDetailsForm>[] = [];
  const details = checkGroupDetails(form, (field, message) => {
    if (message) problems.push({ field, message });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: details };
}

export function validateGroup(form: GroupForm): Checked<ValidGroup, keyof GroupForm> {
  const problems: Problem<keyof GroupForm>[] = [];
  const add = (field: keyof GroupForm, message: MessageKey | null) => {
    if (message) problems.push({ field, message });
  };
  person(form, add);
  const details = checkGroupDetails(form, add);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { name: form.name, email: form.email, emailCanonical: canonicalEmail(form.email), ...details },
  };
}

/** What the "join this group" form sent. */
export interface JoinGroupForm {
  name: string;
  email: string;
  /** The separate, unticked consent to share name and email with the organiser. */
  share: boolean;
}

export function blankJoinGroupForm(): JoinGroupForm {
  return { name: "", email: "", share: false };
}

export function readJoinGroupForm(body: unknown): JoinGroupForm {
  const b = asRecord(body);
  return { name: oneLine(b, "name"), email: text(b, "email"), share: ticked(b, "share") };
}

export function validateJoinGroup(
  form: JoinGroupForm,
): Checked<JoinGroupForm & { emailCanonical: string }, keyof JoinGroupForm> {
  const problems: Problem<keyof JoinGroupForm>[] = [];
  person(form, (field, message) => {
    if (message) problems.push({ field, message });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...form, emailCanonical: canonicalEmail(form.email) } };
}

/** What the contact form sent: the sender's name, address (for the organiser's reply) and message. */
export interface ContactForm {
  name: string;
  email: string;
  message: string;
}

export function blankContactForm(): ContactForm {
  return { name: "", email: "", message: "" };
}

export function readContactForm(body: unknown): ContactForm {
  const b = asRecord(body);
  return { name: oneLine(b, "contact_name"), email: text(b, "contact_email"), message: text(b, "message") };
}

/** The contact form's fields as the page names them (the join form on the same page has name and email). */
export type ContactField = "contactName" | "contactEmail" | "message";

export function validateContact(form: ContactForm): Checked<ContactForm, ContactField> {
  const problems: Problem<ContactField>[] = [];
  person(form, (field, message) => {
    if (message) problems.push({ field: field === "name" ? "contactName" : "contactEmail", message });
  });
  const message = plain(form.message, GROUP_LIMITS.message, {
    missing: "groups.error.message.missing",
    long: "groups.error.message.tooLong",
  });
  if (message) problems.push({ field: "message", message });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...form, email: form.email.trim() } };
}
