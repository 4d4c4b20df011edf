import type { Db } from "../../db/index.ts";
import { signedSessionValue, subjectOfSignedSession } from "../tokens/signed-session.ts";

/** How long a supporter may manage their data after following an emailed link. */
export const MANAGE_SESSION_MS = 60 * 60 * 1000;
export const MANAGE_COOKIE = "manage";

/**
 * The cookie a supporter gets by following a link sent to their address: signed, holding
 * only their id and when it ends, bound to their row's creation time (tokens/signed-session.ts).
 * Supporters have no passwords; this is their login. Null once the supporter's row is gone.
 */
export function manageCookieValue(db: Db, secret: string, supporterId: number, now = Date.now()) {
  return signedSessionValue(db, secret, "manage", supporterId, MANAGE_SESSION_MS, now);
}

/** The supporter the cookie signs in, or null (then they ask for a new link). */
export function supporterOfManageCookie(db: Db, secret: string, value: unknown, now = Date.now()) {
  return subjectOfSignedSession(db, secret, "manage", value, now);
}
