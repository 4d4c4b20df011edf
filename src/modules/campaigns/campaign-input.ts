import type { SignaturePolicy } from "../../db/tables.ts";
import { SLUG } from "../content/slug.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { isLocale } from "../i18n/locales.ts";

/** The longest each field may be, shown as maxlength and checked here. */
export const CAMPAIGN_LIMITS = {
  title: 200,
  slug: 120,
  summary: 500,
  demand: 1000,
  body: 50_000,
  targetName: 200,
  targetOffice: 200,
  outcome: 1000,
  note: 1000,
  updateTitle: 200,
  updateBody: 20_000,
  imageText: 500,
} as const;

export const GOAL_MAX = 100_000_000;

/** The editor's form as text, to be shown again as it was sent when something is wrong. */
export interface CampaignForm {
  title: string;
  slug: string;
  summary: string;
  demand: string;
  body: string;
  targetName: string;
  targetOffice: string;
  goalMode: "automatic" | "fixed";
  goal: string;
  signaturePolicy: SignaturePolicy;
  postcodeRequired: boolean;
  /** YYYY-MM-DD, or empty for none. */
  deadline: string;
  /** A topic's slug, or empty for none. */
  topic: string;
  locale: string;
}

/** A valid form, as the campaigns table holds it. */
export interface CampaignValues {
  title: string;
  slug: string;
  summary: string;
  demand: string;
  body_md: string;
  target_name: string;
  target_office: string | null;
  goal: number | null;
  signature_policy: SignaturePolicy;
  postcode_required: number;
  deadline: string | null;
  topicSlug: string | null;
  locale: string;
}

export interface FieldProblem {
  field: string;
  message: MessageKey;
}

// Control characters other than line breaks and tabs; a NUL among them (PostgreSQL refuses it).
const CONTROL = /(?![\n\t])\p{Cc}/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A field's text, with line breaks made one kind and the ends trimmed. */
export function textOf(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/**
 * An address suggested from a title: lower-case Latin letters and digits joined by hyphens,
 * accents dropped. Empty when the title has no such letters (Arabic, Persian): then one is typed.
 */
export function suggestSlug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export function readCampaignForm(body: Record<string, unknown>): CampaignForm {
  return {
    title: textOf(body, "title"),
    slug: textOf(body, "slug").toLowerCase(),
    summary: textOf(body, "summary"),
    demand: textOf(body, "demand"),
    body: textOf(body, "body"),
    targetName: textOf(body, "targetName"),
    targetOffice: textOf(body, "targetOffice"),
    goalMode: textOf(body, "goalMode") === "fixed" ? "fixed" : "automatic",
    goal: textOf(body, "goal"),
    signaturePolicy: textOf(body, "signaturePolicy") === "instant" ? "instant" : "confirm",
    postcodeRequired: textOf(body, "postcodeRequired") === "1",
    deadline: textOf(body, "deadline"),
    topic: textOf(body, "topic"),
    locale: textOf(body, "locale"),
  };
}

/** Required text within its limit, without control characters. */
function checkText(
  problems: FieldProblem[],
  field: string,
  value: string,
  max: number,
  missing: MessageKey | null,
): void {
  if (missing && value === "") problems.push({ field, message: missing });
  else if (value.length > max) problems.push({ field, message: "admin.campaign.error.tooLong" });
  else if (CONTROL.test(value)) problems.push({ field, message: "admin.campaign.error.control" });
}

/**
 * Checks the editor's form. An empty address is suggested from the title. Whether the
 * address is free and the topic exists is for the service, which knows the database.
 */
export function checkCampaignForm(
  form: CampaignForm,
  { today = new Date(), currentDeadline = "" }: { today?: Date; currentDeadline?: string } = {},
): { ok: true; values: CampaignValues } | { ok: false; problems: FieldProblem[]; form: CampaignForm } {
  const problems: FieldProblem[] = [];
  const L = CAMPAIGN_LIMITS;
  checkText(problems, "title", form.title, L.title, "admin.campaign.error.title");
  const slug = form.slug || suggestSlug(form.title);
  if (slug === "") problems.push({ field: "slug", message: "admin.campaign.error.slugMissing" });
  else if (!SLUG.test(slug) || slug.length > L.slug)
    problems.push({ field: "slug", message: "admin.campaign.error.slug" });
  checkText(problems, "summary", form.summary, L.summary, "admin.campaign.error.summary");
  checkText(problems, "demand", form.demand, L.demand, "admin.campaign.error.demand");
  checkText(problems, "body", form.body, L.body, "admin.campaign.error.body");
  checkText(problems, "targetName", form.targetName, L.targetName, "admin.campaign.error.targetName");
  checkText(problems, "targetOffice", form.targetOffice, L.targetOffice, null);
  let goal: number | null = null;
  if (form.goalMode === "fixed") {
    const n = /^\d{1,9}$/.test(form.goal) ? Number(form.goal) : Number.NaN;
    if (!(n >= 1 && n <= GOAL_MAX)) problems.push({ field: "goal", message: "admin.campaign.error.goal" });
    else goal = n;
  }
  let deadline: string | null = null;
  if (form.deadline !== "") {
    if (!isDay(form.deadline)) problems.push({ field: "deadline", message: "admin.campaign.error.deadline" });
    // A deadline already passed may stay as it is; a new one must be to come.
    else if (form.deadline !== currentDeadline && form.deadline < today.toISOString().slice(0, 10))
      problems.push({ field: "deadline", message: "admin.campaign.error.deadlinePast" });
    // The deadline is the end of that day (UTC).
    else deadline = `${form.deadline}T23:59:59.999Z`;
  }
  if (!isLocale(form.locale)) problems.push({ field: "locale", message: "admin.campaign.error.locale" });
  if (problems.length > 0) return { ok: false, problems, form: { ...form, slug } };
  return {
    ok: true,
    values: {
      title: form.title,
      slug,
      summary: form.summary,
      demand: form.demand,
      body_md: form.body,
      target_name: form.targetName,
      target_office: form.targetOffice || null,
      goal,
      signature_policy: form.signaturePolicy,
      postcode_required: form.postcodeRequired ? 1 : 0,
      deadline,
      topicSlug: form.topic || null,
      locale: form.locale,
    },
  };
}

/** A stored campaign as the editor's form shows it. */
export function formOf(row: {
  title: string;
  slug: string;
  summary: string;
  demand: string;
  body_md: string;
  target_name: string;
  target_office: string | null;
  goal: number | null;
  signature_policy: SignaturePolicy;
  postcode_required: number;
  deadline: string | null;
  topic_slug: string | null;
  locale: string;
}): CampaignForm {
  return {
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    demand: row.demand,
    body: row.body_md,
    targetName: row.target_name,
    targetOffice: row.target_office ?? "",
    goalMode: row.goal === null ? "automatic" : "fixed",
    goal: row.goal === null ? "" : String(row.goal),
    signaturePolicy: row.signature_policy,
    postcodeRequired: row.postcode_required === 1,
    deadline: row.deadline ? row.deadline.slice(0, 10) : "",
    topic: row.topic_slug ?? "",
    locale: row.locale,
  };
}

export function blankCampaignForm(locale: string): CampaignForm {
  return {
    title: "",
    slug: "",
    summary: "",
    demand: "",
    body: "",
    targetName: "",
    targetOffice: "",
    goalMode: "automatic",
    goal: "",
    signaturePolicy: "confirm",
    postcodeRequired: false,
    deadline: "",
    topic: "",
    locale,
  };
}
