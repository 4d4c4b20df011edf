// What the export forms send, read and checked: kept as typed (to show again with the
// errors) and turned into the filters the repository takes. Bad input changes nothing.
import type { SignatureStatus } from "../../db/tables.ts";
import { isCountryCode } from "../i18n/countries.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { isLocale, type Locale } from "../i18n/locales.ts";
import type { SignatureFilter, SupporterFilter } from "./exports.repo.ts";

export interface Problem {
  field: string;
  message: MessageKey;
}

type Body = Record<string, unknown>;
const text = (body: Body, name: string, max = 40) => {
  const value = body[name];
  return typeof value === "string" ? value.trim().slice(0, max) : "";
};
const ticked = (body: Body, name: string) => body[name] === "yes";

export const STATUS_CHOICES = ["confirmed", "pending", "invalidated", "all"] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

/** A day as a date field sends it (YYYY-MM-DD), if it is a real day. */
function day(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}
const nextDay = (date: Date) => new Date(date.getTime() + 24 * 60 * 60 * 1000).toISOString();

function countryOf(value: string, problems: Problem[]): string | null {
  if (value === "") return null;
  if (isCountryCode(value)) return value;
  problems.push({ field: "country", message: "export.error.country" });
  return null;
}

function languageOf(value: string, field: string, problems: Problem[]): Locale | null {
  if (value === "") return null;
  if (isLocale(value)) return value;
  problems.push({ field, message: "export.error.language" });
  return null;
}

export interface SignatureExportForm {
  status: string;
  country: string;
  from: string;
  to: string;
}

/** The signatures export form: status, country, and the days signed between (both included). */
export function readSignatureExport(
  body: unknown,
  campaignId: number,
): { form: SignatureExportForm; filter: SignatureFilter | null; problems: Problem[] } {
  const b = (body ?? {}) as Body;
  const form = { status: text(b, "status"), country: text(b, "country"), from: text(b, "from"), to: text(b, "to") };
  const problems: Problem[] = [];
  if (!STATUS_CHOICES.includes(form.status as StatusChoice)) {
    problems.push({ field: "status", message: "export.error.status" });
  }
  const country = countryOf(form.country, problems);
  const from = form.from ? day(form.from) : null;
  if (form.from && !from) problems.push({ field: "from", message: "export.error.date" });
  const to = form.to ? day(form.to) : null;
  if (form.to && !to) problems.push({ field: "to", message: "export.error.date" });
  if (from && to && from > to) problems.push({ field: "to", message: "export.error.dateOrder" });
  if (problems.length > 0) return { form, filter: null, problems };
  const status = form.status === "all" ? null : (form.status as SignatureStatus);
  return {
    form,
    problems,
    filter: {
      campaignId,
      status,
      country,
      from: from ? from.toISOString() : null,
      until: to ? nextDay(to) : null,
    },
  };
}

export interface SupporterExportForm {
  members: boolean;
  consent: boolean;
  country: string;
  language: string;
  since: string;
}

/** The supporters export form: members only, with email consent, country, language, known since. */
export function readSupporterExport(body: unknown): {
  form: SupporterExportForm;
  filter: SupporterFilter | null;
  problems: Problem[];
} {
  const b = (body ?? {}) as Body;
  const form = {
    members: ticked(b, "members"),
    consent: ticked(b, "consent"),
    country: text(b, "country"),
    language: text(b, "language"),
    since: text(b, "since"),
  };
  const problems: Problem[] = [];
  const country = countryOf(form.country, problems);
  const locale = languageOf(form.language, "language", problems);
  const since = form.since ? day(form.since) : null;
  if (form.since && !since) problems.push({ field: "since", message: "export.error.date" });
  if (problems.length > 0) return { form, filter: null, problems };
  return {
    form,
    problems,
    filter: {
      membersOnly: form.members,
      withConsent: form.consent,
      country,
      locale,
      since: since ? since.toISOString() : null,
    },
  };
}

export interface DeliveryForm {
  language: string;
  comments: boolean;
}

/** The delivery pack form: the language of the pack, and whether to print signers' comments. */
export function readDeliveryForm(
  body: unknown,
  fallback: Locale,
): { form: DeliveryForm; locale: Locale | null; problems: Problem[] } {
  const b = (body ?? {}) as Body;
  const form = { language: text(b, "language") || fallback, comments: ticked(b, "comments") };
  const problems: Problem[] = [];
  const locale = languageOf(form.language, "language", problems);
  return { form, locale: problems.length > 0 ? null : locale, problems };
}
