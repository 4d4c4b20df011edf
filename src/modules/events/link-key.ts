import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The key in a personal link that opens one row with no login and no row of its own: the
 * row's id and its HMAC under the site's key, for one purpose (a key made for one purpose
 * opens nothing of another). It works as often as it is opened and never expires.
 */
export function linkKey(secret: string, purpose: string, id: number): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The id a link key opens for that purpose, or null for anything else. */
export function idOfLinkKey(secret: string, purpose: string, key: unknown): number | null {
  if (typeof key !== "string") return null;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(key);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(mac(secret, purpose, id));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

function mac(secret: string, purpose: string, id: number): string {
  return createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url").slice(0, 22);
}
