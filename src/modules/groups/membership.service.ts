import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { i18nFor } from "../i18n/i18n.ts";
import type { Locale } from "../i18n/locales.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { confirmConsents, recordConsent } from "../supporters/consents.repo.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { consumeToken, inspectToken } from "../tokens/tokens.ts";
import { type JoinGroupForm, type Problem, validateJoinGroup } from "./group-input.ts";
import { findPublishedGroup } from "./groups.repo.ts";

/** The emails of joining a group, by their kind in the mail outbox (composed in group-mail.ts). */
export const MAIL_GROUP_JOIN_CONFIRM = "group-join-confirm";
export const MAIL_GROUP_WELCOME = "group-welcome";

/**
 * The consent to share one's name and email with a group's organiser: its own purpose,
 * recorded with the exact words shown and this version, confirmed by the emailed button.
 */
export const SHARE_CONSENT = {
  purpose: "share-with-group-organiser",
  version: "share-with-group-organiser-1",
} as const;

/** The source a membership's consent is recorded under. */
export const memberSource = (memberId: number) => `group-member:${memberId}`;

export type JoinOutcome =
  | { kind: "invalid"; problems: Problem<keyof JoinGroupForm>[] }
  | { kind: "sent" }
  | { kind: "not-found" };

/**
 * "Join this group": kept as pending until the address's owner confirms it by email, so
 * nobody joins someone else. The answer is the same whether or not the address is already
 * a member; a member is sent their welcome (with the leave link) again instead.
 */
export async function requestGroupJoin(
  deps: Deps,
  slug: string,
  form: JoinGroupForm,
  context: { shownIn: Locale },
): Promise<JoinOutcome> {
  const group = await findPublishedGroup(deps.db, slug);
  if (!group) return { kind: "not-found" };
  const checked = validateJoinGroup(form);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const j = checked.value;
  await deps.db.transaction().execute(async (trx) => {
    const supporter = await findOrCreateSupporter(trx, {
      email: j.email,
      emailCanonical: j.emailCanonical,
      name: j.name,
      country: null,
      postcode: null,
      locale: context.shownIn,
    });
    const at = now();
    const existing = await trx
      .selectFrom("group_members")
      .select(["id", "status"])
      .where("group_id", "=", group.id)
      .where("supporter_id", "=", supporter.id)
      .executeTakeFirst();
    let memberId: number;
    if (existing) {
      memberId = existing.id;
      // A confirmed membership is never changed by someone who merely typed the address.
      if (existing.status !== "member") {
        await trx
          .updateTable("group_members")
          .set({
            name: j.name,
            locale: context.shownIn,
            status: "pending",
            wants_sharing: j.share ? 1 : 0,
            shares_with_organiser: 0,
            confirmed_at: null,
            left_at: null,
            updated_at: at,
          })
          .where("id", "=", existing.id)
          .where("status", "!=", "member")
          .execute();
      }
    } else {
      const inserted = await trx
        .insertInto("group_members")
        .values({
          group_id: group.id,
          supporter_id: supporter.id,
          name: j.name,
          locale: context.shownIn,
          status: "pending",
          wants_sharing: j.share ? 1 : 0,
          shares_with_organiser: 0,
          created_at: at,
          confirmed_at: null,
          left_at: null,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      memberId = inserted.id;
    }
    const already = existing?.status === "member";
    if (j.share && !already) {
      await recordConsent(trx, {
        supporterId: supporter.id,
        purpose: SHARE_CONSENT.purpose,
        wording: i18nFor(context.shownIn).t("groups.join.share"),
        wordingVersion: SHARE_CONSENT.version,
        locale: context.shownIn,
        source: memberSource(memberId),
        campaignId: null,
        method: "form-checkbox",
      });
    }
    // At most one such email an hour per person and group, however often the form is sent. The
    // key names the group by its slug (never reused) and not by ids, which SQLite may hand out again.
    const hour = at.slice(0, 13);
    await queueMail(trx, {
      kind: already ? MAIL_GROUP_WELCOME : MAIL_GROUP_JOIN_CONFIRM,
      params: { memberId },
      idempotencyKey: `${already ? "group-again" : "group-join"}:${group.slug}:${supporter.id}:${hour}`,
      supporterId: supporter.id,
    });
  });
  deps.wakeWorker();
  return { kind: "sent" };
}

export async function describeGroupJoinConfirmation(deps: Deps, token: unknown) {
  return (await inspectToken(deps.db, "confirm-group-join", token)).state;
}

export type GroupJoinConfirmation = { state: "expired" | "unknown" } | { state: "valid" | "used"; slug: string };

/**
 * The button on the confirmation page: the person becomes a member, the consent to share
 * (if they gave it) is confirmed with the membership, and the welcome with the leave link is queued.
 */
export async function confirmGroupJoin(deps: Deps, token: unknown): Promise<GroupJoinConfirmation> {
  const outcome = await deps.db.transaction().execute(async (trx): Promise<GroupJoinConfirmation> => {
    const used = await consumeToken(trx, "confirm-group-join", token);
    if (used.state !== "valid" && used.state !== "used") return { state: used.state };
    const member = await trx
      .selectFrom("group_members as m")
      .innerJoin("groups as g", "g.id", "m.group_id")
      .select(["m.id", "m.supporter_id", "m.status", "m.wants_sharing", "g.slug", "g.status as group_status"])
      .where("m.id", "=", used.subjectId)
      .executeTakeFirst();
    if (member?.group_status !== "published") return { state: "unknown" };
    if (used.state === "used" || member.status !== "pending") return { state: "used", slug: member.slug };
    const at = now();
    await trx
      .updateTable("group_members")
      .set({ status: "member", confirmed_at: at, updated_at: at, shares_with_organiser: member.wants_sharing })
      .where("id", "=", member.id)
      .where("status", "=", "pending")
      .execute();
    await confirmConsents(trx, member.supporter_id, memberSource(member.id));
    await queueMail(trx, {
      kind: MAIL_GROUP_WELCOME,
      params: { memberId: member.id },
      idempotencyKey: `group-welcome:${member.id}:${at}`,
      supporterId: member.supporter_id,
    });
    return { state: "valid", slug: member.slug };
  });
  deps.wakeWorker();
  return outcome;
}

/** A membership as its own leave page shows it. */
export async function getMembership(deps: Deps, memberId: number) {
  return deps.db
    .selectFrom("group_members as m")
    .innerJoin("groups as g", "g.id", "m.group_id")
    .select(["m.id", "m.status", "m.created_at", "g.name as group_name", "g.slug"])
    .where("m.id", "=", memberId)
    .executeTakeFirst();
}

/**
 * Leaving a group from the link in the welcome email: the membership ends and the consent
 * to share with the organiser is withdrawn, so the organiser's page no longer lists them.
 */
export async function leaveGroup(deps: Deps, memberId: number): Promise<"left" | "already"> {
  return deps.db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom("group_members")
      .select(["id", "status", "supporter_id"])
      .where("id", "=", memberId)
      .executeTakeFirst();
    if (!member || member.status === "left") return "already" as const;
    const at = now();
    await trx
      .updateTable("group_members")
      .set({ status: "left", shares_with_organiser: 0, left_at: at, updated_at: at })
      .where("id", "=", memberId)
      .execute();
    await trx
      .updateTable("consents")
      .set({ withdrawn_at: at, withdrawn_method: "unsubscribe-page" })
      .where("supporter_id", "=", member.supporter_id)
      .where("source", "=", memberSource(memberId))
      .where("withdrawn_at", "is", null)
      .execute();
    return "left" as const;
  });
}
