import type { Deps } from "../../deps.ts";
import { i18nFor } from "../i18n/i18n.ts";
import { asLocale, localisedPath } from "../i18n/locales.ts";
import { idIn, siteUrl, tokenLink } from "../mail/compose-parts.ts";
import { renderEmail } from "../mail/email.tsx";
import type { MailComposer, MailKind } from "../mail/mail-kinds.ts";
import { firstNameOf } from "../petitions/signatures.repo.ts";
import type { KeyedRow } from "../tokens/link-key.ts";
import { issueToken } from "../tokens/tokens.ts";
import { MAIL_JOIN_CONFIRMATION, MAIL_WELCOME } from "./join.service.ts";
import { isManageTarget, MAIL_MANAGE_LINK } from "./manage.service.ts";
import { unsubscribeToken } from "./unsubscribe-token.ts";
import { MAIL_ERASURE_RECEIPT } from "./your-data.service.ts";

/**
 * The headers and footer line of every email that is not strictly transactional: one
 * click unsubscribes (RFC 8058), with no login and no question.
 */
export function unsubscribeParts(deps: Deps, supporter: KeyedRow, locale: string) {
  return unsubscribeLinkParts(deps, unsubscribeToken(deps.config.secretKey, supporter), locale);
}

/** The same parts around a given token (a preview's stands for nobody). */
export function unsubscribeLinkParts(deps: Deps, token: string, locale: string) {
  const link = `${siteUrl(deps, localisedPath(asLocale(locale), "/unsubscribe"))}?u=${token}`;
  return {
    headers: { "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    link,
  };
}

const composeJoinConfirmation: MailComposer = async (deps, payload) => {
  const request = await deps.db
    .selectFrom("join_requests")
    .innerJoin("supporters", "supporters.id", "join_requests.supporter_id")
    .select([
      "join_requests.id",
      "join_requests.name",
      "join_requests.locale",
      "join_requests.confirmed_at",
      "supporters.email",
    ])
    .where("join_requests.id", "=", idIn(payload, "joinRequestId"))
    .executeTakeFirst();
  if (!request || request.confirmed_at) return null;
  const i18n = i18nFor(asLocale(request.locale));
  const link = await tokenLink(deps, "confirm-join", request.id, i18n.locale, "/join/confirm");
  const values = { name: firstNameOf(request.name) };
  const mail = renderEmail(i18n, {
    subject: i18n.t("mail.join.subject"),
    paragraphs: [i18n.t("mail.greeting", values), i18n.t("mail.join.body")],
    action: { label: i18n.t("mail.join.button"), url: link },
    footnotes: [i18n.t("mail.confirm.expiry"), i18n.t("mail.join.notYou")],
  });
  return { to: request.email, ...mail };
};

/** The supporter a job writes to, in their language; none once erased. */
async function supporterToWrite(deps: Deps, payload: unknown) {
  const supporter = await deps.db
    .selectFrom("supporters")
    .select(["id", "email", "name", "locale", "created_at"])
    .where("id", "=", idIn(payload, "supporterId"))
    .where("erased_at", "is", null)
    .executeTakeFirst();
  return supporter ? { supporter, i18n: i18nFor(asLocale(supporter.locale)) } : null;
}

const composeWelcome: MailComposer = async (deps, payload) => {
  const found = await supporterToWrite(deps, payload);
  if (!found) return null;
  const { supporter, i18n } = found;
  const unsubscribe = unsubscribeParts(deps, supporter, i18n.locale);
  const mail = renderEmail(i18n, {
    subject: i18n.t("mail.welcome.subject"),
    paragraphs: [
      i18n.t("mail.greeting", { name: firstNameOf(supporter.name) }),
      i18n.t("mail.welcome.body"),
      i18n.t("mail.welcome.next"),
    ],
    action: { label: i18n.t("mail.welcome.button"), url: siteUrl(deps, localisedPath(i18n.locale, "/take-action")) },
    footnotes: [i18n.t("mail.unsubscribe", { link: unsubscribe.link })],
  });
  return { to: supporter.email, ...mail, headers: unsubscribe.headers };
};

/** The link that lets a supporter see, change or erase what is held about them. */
const composeManageLink: MailComposer = async (deps, payload) => {
  const target = (payload as { target?: unknown } | null)?.target;
  if (!isManageTarget(target)) throw new Error("payload has no target");
  const found = await supporterToWrite(deps, payload);
  if (!found) return null;
  const { supporter, i18n } = found;
  const token = await issueToken(deps.db, "manage", supporter.id);
  const link = `${siteUrl(deps, localisedPath(i18n.locale, "/manage"))}?token=${token}&next=${target}`;
  const mail = renderEmail(i18n, {
    subject: i18n.t(target === "your-data" ? "mail.manage.dataSubject" : "mail.manage.preferencesSubject"),
    paragraphs: [i18n.t("mail.greeting", { name: firstNameOf(supporter.name) }), i18n.t("mail.manage.body")],
    action: { label: i18n.t("mail.manage.button"), url: link },
    footnotes: [i18n.t("mail.manage.expiry"), i18n.t("mail.manage.notYou")],
  });
  return { to: supporter.email, ...mail };
};

/** The last email to an erased supporter: the address comes in the message, as nothing else holds it now. */
const composeErasureReceipt: MailComposer = async (_deps, payload) => {
  const { email, locale } = (payload ?? {}) as { email?: unknown; locale?: unknown };
  if (typeof email !== "string") throw new Error("payload has no email");
  const i18n = i18nFor(asLocale(locale));
  const mail = renderEmail(i18n, {
    subject: i18n.t("mail.erased.subject"),
    paragraphs: [i18n.t("mail.erased.body"), i18n.t("mail.erased.signatures")],
  });
  return { to: email, ...mail };
};

/** The emails of this module, by the kind the outbox knows them by. */
export const COMMUNITY_MAIL: Record<string, MailKind> = {
  [MAIL_JOIN_CONFIRMATION]: { compose: composeJoinConfirmation },
  [MAIL_WELCOME]: { compose: composeWelcome },
  [MAIL_MANAGE_LINK]: { compose: composeManageLink },
  [MAIL_ERASURE_RECEIPT]: { compose: composeErasureReceipt, personal: true },
};
