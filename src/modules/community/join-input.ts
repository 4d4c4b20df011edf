import { isLocale, type Locale } from "../i18n/locales.ts";
import { personProblems, type FieldProblem as SignProblem } from "../petitions/signature-input.ts";
import { canonicalEmail } from "../supporters/email.ts";

/** What the join form sent, as text, to be shown again when something is wrong. */
export interface JoinForm {
  name: string;
  email: string;
  country: string;
  language: string;
  topics: string[];
  updates: boolean;
}

export interface ValidJoin {
  name: string;
  email: string;
  emailCanonical: string;
  country: string;
  language: Locale;
  topics: string[];
  wantsUpdates: boolean;
}

export interface JoinProblem {
  field: keyof JoinForm;
  message: SignProblem["message"];
}

const MAX_TOPICS = 20;

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === "string" ? value.trim() : "";
}

export function readJoinForm(body: unknown): JoinForm {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const topics = Array.isArray(b.topics) ? b.topics : b.topics === undefined ? [] : [b.topics];
  return {
    name: text(b, "name").replace(/\s+/g, " "),
    email: text(b, "email"),
    country: text(b, "country").toUpperCase(),
    language: text(b, "language"),
    topics: topics.filter((t): t is string => typeof t === "string").slice(0, MAX_TOPICS),
    updates: typeof b.updates === "string" && b.updates !== "" && b.updates !== "0",
  };
}

/** Checks the join form against the site's languages and topics; every problem at once. */
export function validateJoin(
  form: JoinForm,
  knownTopics: ReadonlySet<string>,
): { ok: true; value: ValidJoin } | { ok: false; problems: JoinProblem[] } {
  const problems: JoinProblem[] = personProblems(form);
  if (!isLocale(form.language)) problems.push({ field: "language", message: "join.error.language" });
  if (form.topics.some((t) => !knownTopics.has(t))) problems.push({ field: "topics", message: "join.error.topics" });
  if (problems.length > 0 || !isLocale(form.language)) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: form.name,
      email: form.email,
      emailCanonical: canonicalEmail(form.email),
      country: form.country,
      language: form.language,
      topics: [...new Set(form.topics)],
      wantsUpdates: form.updates,
    },
  };
}
