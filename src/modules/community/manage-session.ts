import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a supporter may manage their data after following an emailed link. */
export const MANAGE_SESSION_MS = 60 * 60 * 1000;
export const MANAGE_COOKIE = "manage";

function mac(secret: string, supporterId: number, expires: number): string {
  return createHmac("sha256", secret).update(`manage:${supporterId}:${expires}`).digest("base64url");
}

/**
 * The cookie a supporter gets by following a link sent to their address: signed, holding
 * only their id and when it ends. Supporters have no passwords; this is their login.
 */
export function manageCookieValue(secret: string, supporterId: number, now = Date.now()): string {
  const expires = now + MANAGE_SESSION_MS;
  return `${supporterId}.${expires}.${mac(secret, supporterId, expires)}`;
}

export function supporterOfManageCookie(secret: string, value: unknown, now = Date.now()): number | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{1,15})\.(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const id = Number(match[1]);
  const expires = Number(match[2]);
  if (expires < now) return null;
  const expected = Buffer.from(mac(secret, id, expires));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
