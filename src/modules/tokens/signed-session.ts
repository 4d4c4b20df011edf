import type { Db } from "../../db/index.ts";
import { type KeyedRow, macMatches, readKeyedRow, rowMac } from "./bound-row.ts";

/**
 * A short session held in a signed cookie, for people without a password who followed a
 * single-use link sent to their address (a supporter managing their data, a group's
 * organiser): `<id>.<expires>.<mac>`, the MAC an HMAC under SECRET_KEY of the scope, the
 * row's id, its created_at and the expiry (`bound-row.ts`). Reading the cookie reads the row
 * back: on SQLite a deleted row's id goes to the next new row, and a cookie made for the old
 * row then opens nothing of the new one, as if it had run out.
 */
const TABLE_OF = {
  manage: "supporters",
  "organise-group": "groups",
} as const;

export type SessionScope = keyof typeof TABLE_OF;

/**
 * Who holds the row, where that can change while a cookie lives: a group's organiser, whom
 * staff may replace. The MAC covers them too, so a replaced organiser's cookie stops at once.
 */
async function holderOf(db: Db, scope: SessionScope, id: number): Promise<string[]> {
  if (scope !== "organise-group") return [];
  const group = await db.selectFrom("groups").select("organiser_supporter_id").where("id", "=", id).executeTakeFirst();
  return [String(group?.organiser_supporter_id ?? "none")];
}

const COOKIE_SHAPE = /^(\d{1,15})\.(\d{13})\.([A-Za-z0-9_-]{43})$/;

/** The cookie's value for a row known only by its id, or null once the row is gone. */
export async function signedSessionValue(
  db: Db,
  secret: string,
  scope: SessionScope,
  subjectId: number,
  lifetimeMs: number,
  now = Date.now(),
): Promise<string | null> {
  const row = await readKeyedRow(db, TABLE_OF[scope], subjectId);
  return row ? signedSessionOf(secret, scope, row, lifetimeMs, now, await holderOf(db, scope, row.id)) : null;
}

/** The cookie's value for a row at hand. */
export function signedSessionOf(
  secret: string,
  scope: SessionScope,
  row: KeyedRow,
  lifetimeMs: number,
  now = Date.now(),
  holder: string[] = [],
): string {
  const expires = now + lifetimeMs;
  return `${row.id}.${expires}.${rowMac(secret, scope, row, expires, ...holder)}`;
}

/**
 * The id a cookie of this scope opens, read from the row itself: null if it is not one, was
 * altered, has run out, or its row is gone or is a later row with the same id.
 */
export async function subjectOfSignedSession(
  db: Db,
  secret: string,
  scope: SessionScope,
  value: unknown,
  now = Date.now(),
): Promise<number | null> {
  const match = typeof value === "string" ? COOKIE_SHAPE.exec(value) : null;
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const expires = Number(match[2]);
  if (expires < now) return null;
  const row = await readKeyedRow(db, TABLE_OF[scope], Number(match[1]));
  if (!row) return null;
  const expected = rowMac(secret, scope, row, expires, ...(await holderOf(db, scope, row.id)));
  return macMatches(expected, match[3]) ? row.id : null;
}
