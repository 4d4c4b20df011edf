import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { i18nFor } from "../i18n/i18n.ts";
import { asLocale } from "../i18n/locales.ts";
import { greeting, idIn, tokenLink } from "../mail/compose-parts.ts";
import { renderEmail } from "../mail/email.tsx";
import type { MailComposer } from "../mail/mail-kinds.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { organiserOf } from "./groups.repo.ts";

/**
 * A host may say their event is run by a group; anyone can type that, so the event joins
 * the group (events.group_id) only once the group's organiser accepts it on their page.
 * They are told by email when a moderator has approved the event.
 */
export const MAIL_GROUP_EVENT_CLAIM = "group-event-claim";

/** Published groups with an organiser, by name: the choice on the host's form. */
export async function groupsHostsCanChoose(db: Db) {
  return db
    .selectFrom("groups")
    .select(["slug", "name", "town", "country"])
    .where("status", "=", "published")
    .where("organiser_supporter_id", "is not", null)
    .orderBy("name")
    .orderBy("town")
    .limit(1000)
    .execute();
}

/** The group a host may name, by its slug: published and with an organiser to ask. */
export async function groupHostsCanChoose(db: Db, slug: string) {
  return db
    .selectFrom("groups")
    .select(["id", "slug"])
    .where("slug", "=", slug)
    .where("status", "=", "published")
    .where("organiser_supporter_id", "is not", null)
    .executeTakeFirst();
}

/** Tells the organiser of the group an approved event names; call it in the approval's transaction. */
export async function queueGroupClaimMail(db: Db, eventId: number): Promise<void> {
  const row = await db
    .selectFrom("events as e")
    .innerJoin("groups as g", "g.id", "e.group_claim_id")
    .select(["e.slug", "g.id as group_id", "g.organiser_supporter_id"])
    .where("e.id", "=", eventId)
    .where("e.status", "=", "published")
    .executeTakeFirst();
  if (!row?.organiser_supporter_id) return;
  await queueMail(db, {
    kind: MAIL_GROUP_EVENT_CLAIM,
    params: { eventId, groupId: row.group_id },
    idempotencyKey: `group-event-claim:${row.slug}`,
    supporterId: row.organiser_supporter_id,
  });
}

/** Upcoming published events that name the group and wait for its organiser's answer. */
export async function claimsWaiting(db: Db, groupId: number) {
  return db
    .selectFrom("events")
    .select(["slug", "title", "host_name", "starts_at", "time_zone"])
    .where("group_claim_id", "=", groupId)
    .where("status", "=", "published")
    .where("ends_at", ">", now())
    .orderBy("starts_at")
    .limit(100)
    .execute();
}

/** The organiser's answer: accepted, the event is the group's; declined, it stays on its own. */
export async function answerClaim(
  deps: Deps,
  groupId: number,
  eventSlug: string,
  accept: boolean,
): Promise<"done" | "not-found"> {
  const result = await deps.db
    .updateTable("events")
    .set(accept ? { group_id: groupId, group_claim_id: null, updated_at: now() } : { group_claim_id: null })
    .where("slug", "=", eventSlug)
    .where("group_claim_id", "=", groupId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? "done" : "not-found";
}

/** To the organiser: an event names their group; their link opens the page where they answer. */
export const composeGroupClaim: MailComposer = async (deps, params) => {
  const groupId = idIn(params, "groupId");
  const [organiser, event] = await Promise.all([
    organiserOf(deps.db, groupId),
    deps.db
      .selectFrom("events as e")
      .innerJoin("groups as g", "g.id", "e.group_claim_id")
      .select(["e.title", "e.host_name", "g.name as group_name"])
      .where("e.id", "=", idIn(params, "eventId"))
      .where("e.group_claim_id", "=", groupId)
      .where("e.status", "=", "published")
      .executeTakeFirst(),
  ]);
  if (!organiser || !event) return null;
  const i18n = i18nFor(asLocale(organiser.locale));
  const t = i18n.t;
  const link = await tokenLink(deps, "organise-group", groupId, i18n.locale, "/groups/organiser/continue");
  const values = { group: event.group_name, event: event.title, host: event.host_name };
  const mail = renderEmail(i18n, {
    subject: t("mail.groups.claim.subject", values),
    paragraphs: [greeting(i18n, organiser.name), t("mail.groups.claim.body", values)],
    action: { label: t("mail.groups.claim.button"), url: link },
    footnotes: [t("mail.groups.organiser.expiry"), t("mail.groups.claim.ignore")],
  });
  return { to: organiser.email, ...mail };
};
