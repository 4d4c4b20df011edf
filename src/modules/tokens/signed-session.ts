import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A short session held in a signed cookie, for people without a password who followed a
 * single-use link sent to their address (a supporter managing their data, a group's
 * organiser): only the scope, one id and an expiry, with an HMAC under SECRET_KEY.
 */
function mac(secret: string, scope: string, subjectId: number, expires: number): string {
  return createHmac("sha256", secret).update(`${scope}:${subjectId}:${expires}`).digest("base64url");
}

export function signedSessionValue(
  secret: string,
  scope: string,
  subjectId: number,
  lifetimeMs: number,
  now = Date.now(),
): string {
  const expires = now + lifetimeMs;
  return `${subjectId}.${expires}.${mac(secret, scope, subjectId, expires)}`;
}

/** The id a cookie of this scope holds, or null if it is not one, was altered or has run out. */
export function subjectOfSignedSession(secret: string, scope: string, value: unknown, now = Date.now()): number | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{1,15})\.(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const id = Number(match[1]);
  const expires = Number(match[2]);
  if (expires < now) return null;
  const expected = Buffer.from(mac(secret, scope, id, expires));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
