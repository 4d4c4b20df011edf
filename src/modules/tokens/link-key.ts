import type { Db } from "../../db/index.ts";
import { type KeyedRow, macMatches, readKeyedRow, rowMac } from "./bound-row.ts";

export type { KeyedRow } from "./bound-row.ts";

/**
 * Personal links that open one row with no login and no row of their own: the row's id
 * and an HMAC under the site's key of the purpose, the id and when the row was created.
 * A key made for one purpose opens nothing of another; it works as often as it is opened
 * and never expires. On SQLite a deleted row's id can be given to a new row, so the HMAC
 * covers created_at too: an old link then opens nothing, rather than the new person's row
 * (the binding is in `bound-row.ts`, shared with the signed session cookies).
 */
const TABLE_OF = {
  unsubscribe: "supporters",
  attendance: "event_rsvps",
  "group-member": "group_members",
} as const;

export type LinkPurpose = keyof typeof TABLE_OF;

const KEY_SHAPE = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/;

export function linkKey(secret: string, purpose: LinkPurpose, row: KeyedRow): string {
  return `${row.id}.${mac(secret, purpose, row)}`;
}

/** The key of a row known only by its id, or null once the row is gone. */
export async function linkKeyOf(db: Db, secret: string, purpose: LinkPurpose, id: number): Promise<string | null> {
  const row = await keyedRow(db, purpose, id);
  return row ? linkKey(secret, purpose, row) : null;
}

/**
 * The id a key opens for that purpose, read from the row itself: null for a forged or
 * malformed key, and for one whose row is gone or is a later row with the same id.
 */
export async function openLinkKey(db: Db, secret: string, purpose: LinkPurpose, key: unknown): Promise<number | null> {
  const match = typeof key === "string" ? KEY_SHAPE.exec(key) : null;
  if (!match?.[1] || !match[2]) return null;
  const row = await keyedRow(db, purpose, Number(match[1]));
  if (!row) return null;
  return macMatches(mac(secret, purpose, row), match[2]) ? row.id : null;
}

function keyedRow(db: Db, purpose: LinkPurpose, id: number): Promise<KeyedRow | undefined> {
  return readKeyedRow(db, TABLE_OF[purpose], id);
}

// Cut to 22 characters (132 bits) to keep the links short.
function mac(secret: string, purpose: LinkPurpose, row: KeyedRow): string {
  return rowMac(secret, purpose, row).slice(0, 22);
}
