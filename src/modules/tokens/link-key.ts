import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/index.ts";

/**
 * Personal links that open one row with no login and no row of their own: the row's id
 * and an HMAC under the site's key of the purpose, the id and when the row was created.
 * A key made for one purpose opens nothing of another; it works as often as it is opened
 * and never expires. On SQLite a deleted row's id can be given to a new row, so the HMAC
 * covers created_at too: an old link then opens nothing, rather than the new person's row.
 */
const TABLE_OF = {
  unsubscribe: "supporters",
  attendance: "event_rsvps",
  "group-member": "group_members",
} as const;

export type LinkPurpose = keyof typeof TABLE_OF;

/** The two things of a row a key is bound to, neither of which a later row can share. */
export interface KeyedRow {
  id: number;
  created_at: string;
}

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
  const expected = Buffer.from(mac(secret, purpose, row));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? row.id : null;
}

function keyedRow(db: Db, purpose: LinkPurpose, id: number): Promise<KeyedRow | undefined> {
  return db.selectFrom(TABLE_OF[purpose]).select(["id", "created_at"]).where("id", "=", id).executeTakeFirst();
}

// created_at as milliseconds since the epoch: the same instant whichever way an engine
// writes it (SQLite keeps the text it was given; PostgreSQL returns its own ISO form).
function mac(secret: string, purpose: LinkPurpose, row: KeyedRow): string {
  const created = Date.parse(row.created_at);
  const when = Number.isNaN(created) ? row.created_at : String(created);
  return createHmac("sha256", secret).update(`${purpose}:${row.id}:${when}`).digest("base64url").slice(0, 22);
}
