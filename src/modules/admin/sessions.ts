import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";

/** A session ends after this long without a request … */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** … and after this long in any case. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

const hashOf = (value: string) => createHash("sha256").update(value).digest("base64url");

/** Starts a session for a member of staff; the cookie's value is returned once and only its hash is kept. */
export async function startSession(db: Db, staffUserId: number): Promise<string> {
  const value = randomBytes(32).toString("base64url");
  const at = new Date();
  await db
    .insertInto("staff_sessions")
    .values({
      id_hash: hashOf(value),
      staff_user_id: staffUserId,
      created_at: at.toISOString(),
      last_seen_at: at.toISOString(),
      expires_at: new Date(at.getTime() + SESSION_MAX_MS).toISOString(),
    })
    .execute();
  return value;
}

export interface StaffSession {
  idHash: string;
  user: { id: number; email: string; name: string; role: "admin" | "campaigner" | "moderator"; locale: string };
}

/** The staff member a cookie belongs to, if the session is alive; idle or expired sessions are removed. */
export async function findSession(db: Db, value: unknown): Promise<StaffSession | null> {
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const idHash = hashOf(value);
  const row = await db
    .selectFrom("staff_sessions")
    .innerJoin("staff_users", "staff_users.id", "staff_sessions.staff_user_id")
    .select([
      "staff_sessions.last_seen_at",
      "staff_sessions.expires_at",
      "staff_users.id",
      "staff_users.email",
      "staff_users.name",
      "staff_users.role",
      "staff_users.locale",
      "staff_users.disabled_at",
    ])
    .where("staff_sessions.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  const at = Date.now();
  const idle = at - Date.parse(row.last_seen_at) > SESSION_IDLE_MS;
  if (idle || Date.parse(row.expires_at) <= at || row.disabled_at) {
    await endSession(db, value);
    return null;
  }
  if (at - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable("staff_sessions").set({ last_seen_at: now() }).where("id_hash", "=", idHash).execute();
  }
  return { idHash, user: { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale } };
}

export async function endSession(db: Db, value: string): Promise<void> {
  await db.deleteFrom("staff_sessions").where("id_hash", "=", hashOf(value)).execute();
}

/** "Log out everywhere": every session of this member of staff ends. */
export async function endAllSessions(db: Db, staffUserId: number): Promise<void> {
  await db.deleteFrom("staff_sessions").where("staff_user_id", "=", staffUserId).execute();
}
