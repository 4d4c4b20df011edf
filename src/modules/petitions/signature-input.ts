import { isCountryCode } from "../i18n/countries.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { canonicalEmail, checkEmail, EMAIL_MAX_LENGTH } from "../supporters/email.ts";

/** The limits of each field, shown to people as maxlength and checked here. */
export const LIMITS = { name: 100, email: EMAIL_MAX_LENGTH, postcode: 12, comment: 500 } as const;

/** What the form sent, as text, to be shown again when something is wrong. */
export interface SignatureForm {
  name: string;
  email: string;
  country: string;
  postcode: string;
  comment: string;
  updates: boolean;
  public: boolean;
  /** The separate consent to show the comment publicly (with first name and country), once approved. */
  commentPublic: boolean;
}

export interface ValidSignature {
  name: string;
  email: string;
  emailCanonical: string;
  country: string;
  postcode: string | null;
  comment: string | null;
  wantsUpdates: boolean;
  showName: boolean;
  /** There is a comment and its signer agreed to show it: it goes to the moderation queue. */
  commentPublic: boolean;
}

export interface FieldProblem {
  field: keyof SignatureForm;
  message: MessageKey;
}

// Control characters other than the line breaks and tabs a comment may hold.
const CONTROL = /(?![\n\t])\p{Cc}/u;
const URL_LIKE = /(https?:|www\.|:\/\/|\.[a-z]{2,}\/|\.(com|net|org|info|biz|xyz|top|site|online|app|io|ly|ru)\b)/i;
// A cell starting with one of these is a formula to a spreadsheet (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const POSTCODE = /^[A-Za-z0-9][A-Za-z0-9 -]*$/;

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

/** A ticked checkbox sends a value; an unticked one sends nothing. */
function ticked(body: Record<string, unknown>, field: string): boolean {
  const value = body[field];
  return typeof value === "string" && value !== "" && value !== "0" && value !== "false";
}

/** An empty sign form, with the country guessed from the visitor's languages. */
export function blankSignatureForm(country: string | undefined): SignatureForm {
  return {
    name: "",
    email: "",
    country: country ?? "",
    postcode: "",
    comment: "",
    updates: false,
    public: false,
    commentPublic: false,
  };
}

/** Arabic-Indic and Persian digits, as phones in those languages type them, read as 0–9. */
function asciiDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

export function readSignatureForm(body: unknown): SignatureForm {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return {
    name: text(b, "name").replace(/\s+/g, " "),
    email: text(b, "email"),
    country: text(b, "country").toUpperCase(),
    postcode: asciiDigits(text(b, "postcode")).replace(/\s+/g, " "),
    comment: text(b, "comment"),
    updates: ticked(b, "updates"),
    public: ticked(b, "public"),
    commentPublic: ticked(b, "comment_public"),
  };
}

export function nameProblem(name: string): MessageKey | null {
  if (name === "") return "sign.error.name.missing";
  if (name.length > LIMITS.name) return "sign.error.name.tooLong";
  if (CONTROL.test(name) || URL_LIKE.test(name)) return "sign.error.name.invalid";
  if (FORMULA_START.test(name)) return "sign.error.name.formula";
  return null;
}

export const EMAIL_MESSAGES = {
  missing: "sign.error.email.missing",
  "too-long": "sign.error.email.tooLong",
  invalid: "sign.error.email.invalid",
  disposable: "sign.error.email.disposable",
} as const satisfies Record<string, MessageKey>;

/** What is wrong with the name, email and country every form about a person asks for. */
export function personProblems(form: {
  name: string;
  email: string;
  country: string;
}): { field: "name" | "email" | "country"; message: MessageKey }[] {
  const problems: { field: "name" | "email" | "country"; message: MessageKey }[] = [];
  const name = nameProblem(form.name);
  if (name) problems.push({ field: "name", message: name });
  const email = checkEmail(form.email);
  if (email) problems.push({ field: "email", message: EMAIL_MESSAGES[email] });
  if (!isCountryCode(form.country)) problems.push({ field: "country", message: "sign.error.country.missing" });
  return problems;
}

/** Checks the form; every problem is reported at once, in the order of the fields. */
export function validateSignature(
  form: SignatureForm,
  rules: { postcodeRequired: boolean },
): { ok: true; value: ValidSignature } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = personProblems(form);
  if (form.postcode === "" && rules.postcodeRequired) {
    problems.push({ field: "postcode", message: "sign.error.postcode.missing" });
  } else if (form.postcode !== "" && (form.postcode.length > LIMITS.postcode || !POSTCODE.test(form.postcode))) {
    problems.push({ field: "postcode", message: "sign.error.postcode.invalid" });
  }
  if (form.comment.length > LIMITS.comment) problems.push({ field: "comment", message: "sign.error.comment.tooLong" });
  else if (CONTROL.test(form.comment)) problems.push({ field: "comment", message: "sign.error.comment.invalid" });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: form.name,
      email: form.email,
      emailCanonical: canonicalEmail(form.email),
      country: form.country,
      postcode: form.postcode || null,
      comment: form.comment || null,
      wantsUpdates: form.updates,
      showName: form.public,
      commentPublic: form.commentPublic && form.comment !== "",
    },
  };
}
