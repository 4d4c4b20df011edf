import { signedSessionValue, subjectOfSignedSession } from "../tokens/signed-session.ts";

/** How long a supporter may manage their data after following an emailed link. */
export const MANAGE_SESSION_MS = 60 * 60 * 1000;
export const MANAGE_COOKIE = "manage";

/**
 * The cookie a supporter gets by following a link sent to their address: signed, holding
 * only their id and when it ends. Supporters have no passwords; this is their login.
 */
export function manageCookieValue(secret: string, supporterId: number, now = Date.now()): string {
  return signedSessionValue(secret, "manage", supporterId, MANAGE_SESSION_MS, now);
}

export function supporterOfManageCookie(secret: string, value: unknown, now = Date.now()): number | null {
  return subjectOfSignedSession(secret, "manage", value, now);
}
