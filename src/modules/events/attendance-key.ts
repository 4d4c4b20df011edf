import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The key in an attendee's own link (their page with the exact address, the calendar file
 * and the cancel button): the RSVP's id and its HMAC under the site's key. It needs no
 * login and no row, works as often as it is opened, and opens that one RSVP only.
 */
export function attendanceKey(secret: string, rsvpId: number): string {
  return `${rsvpId}.${mac(secret, rsvpId)}`;
}

export function rsvpOfAttendanceKey(secret: string, key: unknown): number | null {
  if (typeof key !== "string") return null;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(key);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(mac(secret, id));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

function mac(secret: string, rsvpId: number): string {
  return createHmac("sha256", secret).update(`attendance:${rsvpId}`).digest("base64url").slice(0, 22);
}
