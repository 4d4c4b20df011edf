import type { Deps } from "../../deps.ts";
import { listUpcomingEvents } from "../events/events.repo.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";
import { signedSessionValue, subjectOfSignedSession } from "../tokens/signed-session.ts";
import { consumeToken, inspectToken } from "../tokens/tokens.ts";
import { claimsWaiting } from "./group-claims.ts";
import { waitingGroupEdit } from "./group-edits.service.ts";
import { countMembers, findGroupById, findPublishedGroup, organiserOf, sharingMembers } from "./groups.repo.ts";

/** The email with a link to a group's members page, by its kind in the mail outbox. */
export const MAIL_GROUP_ORGANISER_LINK = "group-organiser-link";

/** How long an organiser stays signed in to their group's page after following the link. */
export const ORGANISER_SESSION_MS = 60 * 60 * 1000;
export const ORGANISER_COOKIE = "organiser";

/**
 * The organiser's cookie: the group's id and an expiry, signed and bound to the group's
 * creation time (tokens/signed-session.ts), so it opens no later group given the same id.
 * Null once the group is gone.
 */
export const organiserCookieValue = (deps: Deps, groupId: number, at = Date.now()) =>
  signedSessionValue(deps.db, deps.config.secretKey, "organise-group", groupId, ORGANISER_SESSION_MS, at);

/** The group the cookie signs its organiser in to, or null (then they ask for a new link). */
export const groupOfOrganiserCookie = (deps: Deps, value: unknown, at = Date.now()) =>
  subjectOfSignedSession(deps.db, deps.config.secretKey, "organise-group", value, at);

/**
 * Emails the organiser of a group a link to its members page, if the address given is
 * theirs. The answer is the same either way; at most one such email every ten minutes.
 */
export async function requestOrganiserLink(deps: Deps, slug: string, email: unknown): Promise<void> {
  if (typeof email !== "string" || checkEmail(email) !== null) return;
  const group = await findPublishedGroup(deps.db, slug);
  const organiser = group ? await organiserOf(deps.db, group.id) : undefined;
  if (!group || organiser?.email_canonical !== canonicalEmail(email)) return;
  const period = Math.floor(Date.now() / 600_000);
  await queueMail(deps.db, {
    kind: MAIL_GROUP_ORGANISER_LINK,
    params: { groupId: group.id },
    idempotencyKey: `group-organiser:${group.slug}:${period}`,
    supporterId: organiser.id,
  });
  deps.wakeWorker();
}

export async function isOrganiserLinkValid(deps: Deps, token: unknown): Promise<boolean> {
  return (await inspectToken(deps.db, "organise-group", token)).state === "valid";
}

/** Uses the link once; the group it opens, or null. */
export async function useOrganiserLink(deps: Deps, token: unknown): Promise<number | null> {
  const used = await consumeToken(deps.db, "organise-group", token);
  return used.state === "valid" ? used.subjectId : null;
}

/**
 * What the organiser's own page shows: the members who agreed to share their name and email
 * (no one else), how many members there are in all, the group's upcoming events, the events
 * that name the group and wait for an answer, and whether a change waits for a moderator.
 */
export async function getOrganiserPage(deps: Deps, groupId: number) {
  const group = await findGroupById(deps.db, groupId);
  if (!group?.hasOrganiser || (group.status !== "published" && group.status !== "unpublished")) {
    return undefined;
  }
  const [members, total, events, claims, waitingEdit] = await Promise.all([
    sharingMembers(deps.db, groupId),
    countMembers(deps.db, groupId),
    listUpcomingEvents(deps.db, { country: null, mode: null, group: group.slug }, new Date().toISOString(), 50),
    claimsWaiting(deps.db, groupId),
    waitingGroupEdit(deps, groupId),
  ]);
  return { group, members, total, events, claims, editWaitingSince: waitingEdit?.created_at ?? null };
}
