import { createHmac, timingSafeEqual } from "node:crypto";
import type { HoldReason } from "../../db/tables.ts";

/**
 * The sign form's two quiet checks against scripts. A hidden field people never see (bots
 * that fill every field fill it too), and the time the form was shown, signed with
 * SECRET_KEY, so that a submission sooner after than a person could type is noticed.
 * Either holds the signature back quietly; the signer sees the usual flow.
 */

/** The hidden field: named like a field a script would fill, labelled for the rare person who reaches it. */
export const HONEYPOT_FIELD = "website";
/** When the form was shown (ms since the epoch, base 36) and its HMAC. */
export const FORM_TIME_FIELD = "_shown";

const MAC_LENGTH = 22;

function macOf(secretKey: string, slug: string, shownAt: string): string {
  return createHmac("sha256", secretKey)
    .update(`form-time:${slug}:${shownAt}`)
    .digest("base64url")
    .slice(0, MAC_LENGTH);
}

/** The value of the form-time field for a form shown now, for one petition. */
export function issueFormTime(secretKey: string, slug: string, at: Date = new Date()): string {
  const shownAt = at.getTime().toString(36);
  return `${shownAt}.${macOf(secretKey, slug, shownAt)}`;
}

/** When the form was shown, if the field is one this site signed for this petition. */
export function readFormTime(secretKey: string, slug: string, value: unknown): number | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const [shownAt = "", mac = ""] = value.split(".");
  if (!/^[0-9a-z]{1,12}$/.test(shownAt)) return null;
  const expected = Buffer.from(macOf(secretKey, slug, shownAt));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const ms = Number.parseInt(shownAt, 36);
  return Number.isSafeInteger(ms) ? ms : null;
}

/**
 * What the form's own checks found: null when it looks like a person's, else why it is held.
 * With `minSeconds` 0 the time is not checked (tests and load tests; see SIGN_MIN_SECONDS).
 */
export function checkSignForm(
  body: Record<string, unknown>,
  rules: { secretKey: string; slug: string; minSeconds: number },
  at: Date = new Date(),
): HoldReason | null {
  const honeypot = body[HONEYPOT_FIELD];
  if (typeof honeypot !== "string" || honeypot !== "") {
    // Absent is fine (an old page, or a client that leaves hidden fields out); anything typed is not.
    if (honeypot !== undefined) return "honeypot";
  }
  if (rules.minSeconds === 0) return null;
  const shownAt = readFormTime(rules.secretKey, rules.slug, body[FORM_TIME_FIELD]);
  if (shownAt === null) return "too-fast";
  return at.getTime() - shownAt < rules.minSeconds * 1000 ? "too-fast" : null;
}

/** The hidden form-time field of a sign form shown now. */
export function formTimeField(deps: { config: { secretKey: string } }, slug: string): Record<string, string> {
  return { [FORM_TIME_FIELD]: issueFormTime(deps.config.secretKey, slug) };
}
