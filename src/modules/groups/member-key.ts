import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The key in a member's "leave this group" link: the membership's id and its HMAC under
 * the site's key. No login and no row; it opens that one membership only, and never expires.
 */
export function memberKey(secret: string, memberId: number): string {
  return `${memberId}.${mac(secret, memberId)}`;
}

export function memberOfKey(secret: string, key: unknown): number | null {
  if (typeof key !== "string") return null;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(key);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(mac(secret, id));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

function mac(secret: string, memberId: number): string {
  return createHmac("sha256", secret).update(`group-member:${memberId}`).digest("base64url").slice(0, 22);
}
