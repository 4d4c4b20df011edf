import type { MessageKey } from "../i18n/i18n.ts";
import { isLocale } from "../i18n/locales.ts";

/** A problem with one field of an editor's form. */
export interface EntryProblem {
  field: string;
  message: MessageKey;
}

/** The problems found in a form so far; `add` notes a field's problem, if it has one. */
export function problemList() {
  const problems: EntryProblem[] = [];
  const add = (field: string, message: MessageKey | null) => {
    if (message) problems.push({ field, message });
  };
  return { problems, add };
}

const CONTROL = /(?![\n\t])\p{Cc}/u;

export function fieldText(body: unknown, field: string): string {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const value = b[field];
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

/** A required plain-text field of at most `max` characters; its problem, if any. */
export function plainText(value: string, max: number): MessageKey | null {
  if (value === "") return "admin.entry.error.missing";
  if (value.length > max) return "admin.entry.error.tooLong";
  if (CONTROL.test(value)) return "admin.entry.error.invalid";
  return null;
}

/** A path on this site ("/groups/new") or an https:// address. */
export function isLinkTarget(value: string): boolean {
  if (/^\/(?!\/)[A-Za-z0-9\-._~/]*(\?[A-Za-z0-9\-._~=&]*)?(#[A-Za-z0-9\-_]*)?$/.test(value)) return true;
  if (!/^https:\/\/[^\s<>"]+$/.test(value) || value.length > 500) return false;
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/** A position in a list: a whole number from 0 to 999. */
export function positionOf(value: string): number | null {
  return /^\d{1,3}$/.test(value) ? Number(value) : null;
}

export { isLocale };
