import { idOfLinkKey, linkKey } from "./link-key.ts";

/**
 * The key in an attendee's own link (their page with the exact address, the calendar file
 * and the cancel button): the RSVP's id and its HMAC under the site's key. It needs no
 * login and no row, works as often as it is opened, and opens that one RSVP only.
 */
export function attendanceKey(secret: string, rsvpId: number): string {
  return linkKey(secret, "attendance", rsvpId);
}

export function rsvpOfAttendanceKey(secret: string, key: unknown): number | null {
  return idOfLinkKey(secret, "attendance", key);
}
