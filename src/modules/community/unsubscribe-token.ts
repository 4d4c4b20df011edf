import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The token in every unsubscribe link: the supporter's id and its HMAC under the site's
 * key. It never expires (an old email must still unsubscribe) and only ever allows that
 * one thing, so it needs no row of its own.
 */
export function unsubscribeToken(secret: string, supporterId: number): string {
  return `${supporterId}.${mac(secret, supporterId)}`;
}

export function supporterOfUnsubscribeToken(secret: string, token: unknown): number | null {
  if (typeof token !== "string") return null;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(mac(secret, id));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

function mac(secret: string, supporterId: number): string {
  return createHmac("sha256", secret).update(`unsubscribe:${supporterId}`).digest("base64url").slice(0, 22);
}
