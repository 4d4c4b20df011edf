import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/index.ts";

/**
 * What link keys (`link-key.ts`) and signed sessions (`signed-session.ts`) share: a MAC
 * bound to one row by its id and its creation time, and reading that row back. SQLite gives
 * a deleted row's id to the next new row (no AUTOINCREMENT); the creation time is what a
 * later row with the same id cannot share, so a key or cookie made for the old row opens
 * nothing of the new one.
 */
export interface KeyedRow {
  id: number;
  created_at: string;
}

/** The tables whose rows a key or a session cookie stands for. */
export type BoundTable = "supporters" | "event_rsvps" | "group_members" | "groups";

/** The row's id and creation time, or undefined once it is gone. */
export function readKeyedRow(db: Db, table: BoundTable, id: number): Promise<KeyedRow | undefined> {
  return db
    .selectFrom(table as "supporters")
    .select(["id", "created_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * HMAC-SHA256 under the site's key, base64url, of `purpose:id:created[:extra…]`, created_at
 * as milliseconds since the epoch: the same instant whichever way an engine writes it
 * (SQLite keeps the text it was given; PostgreSQL returns its own ISO form).
 */
export function rowMac(secret: string, purpose: string, row: KeyedRow, ...extra: (string | number)[]): string {
  const created = Date.parse(row.created_at);
  const when = Number.isNaN(created) ? row.created_at : String(created);
  return createHmac("sha256", secret)
    .update([purpose, row.id, when, ...extra].join(":"))
    .digest("base64url");
}

/** Whether a MAC someone brought is the expected one, compared in constant time. */
export function macMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
