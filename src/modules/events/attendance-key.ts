import type { Db } from "../../db/index.ts";
import { type KeyedRow, linkKey, linkKeyOf, openLinkKey } from "../tokens/link-key.ts";

/**
 * The key in an attendee's own link (their page with the exact address, the calendar file
 * and the cancel button): bound to the RSVP's id and creation time (see tokens/link-key.ts).
 * It needs no login, works as often as it is opened, and opens that one RSVP only.
 */
export function attendanceKey(secret: string, rsvp: KeyedRow): string {
  return linkKey(secret, "attendance", rsvp);
}

export function attendanceKeyOf(db: Db, secret: string, rsvpId: number): Promise<string | null> {
  return linkKeyOf(db, secret, "attendance", rsvpId);
}

export function rsvpOfAttendanceKey(db: Db, secret: string, key: unknown): Promise<number | null> {
  return openLinkKey(db, secret, "attendance", key);
}
