import type { Deps } from "../../deps.ts";
import { i18nFor } from "../i18n/i18n.ts";
import { asLocale, localisedPath } from "../i18n/locales.ts";
import { greeting, idIn, siteUrl, tokenLink } from "../mail/compose-parts.ts";
import { renderEmail } from "../mail/email.tsx";
import type { MailComposer, MailKind } from "../mail/mail-kinds.ts";
import { MAIL_GROUP_CONTACT } from "./contact.service.ts";
import { composeGroupClaim, MAIL_GROUP_EVENT_CLAIM } from "./group-claims.ts";
import { organiserOf } from "./groups.repo.ts";
import { memberKey } from "./member-key.ts";
import { MAIL_GROUP_JOIN_CONFIRM, MAIL_GROUP_WELCOME } from "./membership.service.ts";
import { MAIL_GROUP_ORGANISER_LINK } from "./organiser.service.ts";

/** A membership with its group and the member's address (none once erased). */
async function memberToWrite(deps: Deps, params: unknown) {
  const row = await deps.db
    .selectFrom("group_members as m")
    .innerJoin("groups as g", "g.id", "m.group_id")
    .innerJoin("supporters as s", "s.id", "m.supporter_id")
    .select([
      "m.id",
      "m.name",
      "m.locale",
      "m.status",
      "m.created_at",
      "s.email",
      "g.name as group_name",
      "g.slug",
      "g.status as group_status",
    ])
    .where("m.id", "=", idIn(params, "memberId"))
    .where("s.erased_at", "is", null)
    .executeTakeFirst();
  if (row?.group_status !== "published") return null;
  return { row, i18n: i18nFor(asLocale(row.locale)) };
}

const composeJoinConfirm: MailComposer = async (deps, params) => {
  const f = await memberToWrite(deps, params);
  if (f?.row.status !== "pending") return null;
  const t = f.i18n.t;
  const link = await tokenLink(deps, "confirm-group-join", f.row.id, f.i18n.locale, "/groups/join/confirm");
  const mail = renderEmail(f.i18n, {
    subject: t("mail.groups.confirm.subject", { group: f.row.group_name }),
    paragraphs: [greeting(f.i18n, f.row.name), t("mail.groups.confirm.body", { group: f.row.group_name })],
    action: { label: t("mail.groups.confirm.button"), url: link },
    footnotes: [t("mail.confirm.expiry"), t("mail.groups.notYou")],
  });
  return { to: f.row.email, ...mail };
};

const composeWelcome: MailComposer = async (deps, params) => {
  const f = await memberToWrite(deps, params);
  if (f?.row.status !== "member") return null;
  const t = f.i18n.t;
  const leave = `${siteUrl(deps, localisedPath(f.i18n.locale, "/groups/leave"))}?m=${memberKey(deps.config.secretKey, f.row)}`;
  const mail = renderEmail(f.i18n, {
    subject: t("mail.groups.welcome.subject", { group: f.row.group_name }),
    paragraphs: [
      greeting(f.i18n, f.row.name),
      t("mail.groups.welcome.body", { group: f.row.group_name }),
      t("mail.groups.welcome.page", { link: siteUrl(deps, localisedPath(f.i18n.locale, `/groups/${f.row.slug}`)) }),
    ],
    action: { label: t("mail.groups.leave"), url: leave },
    footnotes: [t("mail.groups.leaveHow")],
  });
  return { to: f.row.email, ...mail };
};

/** A message from the contact form to the organiser, with the sender's address to reply to. */
const composeContact: MailComposer = async (deps, params) => {
  const p = (params ?? {}) as Record<string, unknown>;
  const groupId = idIn(params, "groupId");
  if (typeof p.name !== "string" || typeof p.email !== "string" || typeof p.message !== "string") return null;
  const [organiser, group] = await Promise.all([
    organiserOf(deps.db, groupId),
    deps.db.selectFrom("groups").select(["name", "status"]).where("id", "=", groupId).executeTakeFirst(),
  ]);
  if (!organiser || group?.status !== "published") return null;
  const i18n = i18nFor(asLocale(organiser.locale));
  const t = i18n.t;
  const mail = renderEmail(i18n, {
    subject: t("mail.groups.contact.subject", { group: group.name, name: p.name }),
    paragraphs: [
      greeting(i18n, organiser.name),
      t("mail.groups.contact.body", { group: group.name, name: p.name }),
      p.message,
    ],
    footnotes: [t("mail.groups.contact.reply", { name: p.name }), t("mail.groups.contact.private")],
  });
  return { to: organiser.email, ...mail, headers: { "Reply-To": p.email } };
};

const composeOrganiserLink: MailComposer = async (deps, params) => {
  const groupId = idIn(params, "groupId");
  const [organiser, group] = await Promise.all([
    organiserOf(deps.db, groupId),
    deps.db.selectFrom("groups").select(["name"]).where("id", "=", groupId).executeTakeFirst(),
  ]);
  if (!organiser || !group) return null;
  const i18n = i18nFor(asLocale(organiser.locale));
  const t = i18n.t;
  const link = await tokenLink(deps, "organise-group", groupId, i18n.locale, "/groups/organiser/continue");
  const mail = renderEmail(i18n, {
    subject: t("mail.groups.organiser.subject", { group: group.name }),
    paragraphs: [greeting(i18n, organiser.name), t("mail.groups.organiser.body", { group: group.name })],
    action: { label: t("mail.groups.organiser.button"), url: link },
    footnotes: [t("mail.groups.organiser.expiry"), t("mail.groups.notYou")],
  });
  return { to: organiser.email, ...mail };
};

/** The emails of this module, by the kind the outbox knows them by. */
export const GROUP_MAIL: Record<string, MailKind> = {
  [MAIL_GROUP_JOIN_CONFIRM]: { compose: composeJoinConfirm },
  [MAIL_GROUP_WELCOME]: { compose: composeWelcome },
  [MAIL_GROUP_CONTACT]: { compose: composeContact, personal: true },
  [MAIL_GROUP_ORGANISER_LINK]: { compose: composeOrganiserLink },
  [MAIL_GROUP_EVENT_CLAIM]: { compose: composeGroupClaim },
};
