import type { Deps } from "../../deps.ts";
import { unsubscribeLinkParts, unsubscribeParts } from "../community/community-mail.ts";
import { renderMarkdown } from "../content/markdown.ts";
import { i18nFor } from "../i18n/i18n.ts";
import { asLocale } from "../i18n/locales.ts";
import { idIn } from "../mail/compose-parts.ts";
import { renderEmail } from "../mail/email.tsx";
import type { ComposedMail, MailComposer, MailKind } from "../mail/mail-kinds.ts";
import { hasCurrentConsent } from "../supporters/consents.repo.ts";
import { findMailing, type Mailing } from "./mailings.repo.ts";
import { MAIL_MAILING } from "./sending.ts";

/** A mailing sent to the member of staff who wrote it, before the real thing. */
export const MAIL_MAILING_TEST = "mailing-test";

type Unsubscribe = { link: string; headers: Record<string, string> };

/**
 * A mailing as its recipients get it: in its own language and direction, the Markdown
 * rendered and sanitised in the HTML part and kept as written in the text part, and a
 * footer with the one-click unsubscribe link (and the List-Unsubscribe headers).
 */
/** The small print under every mailing: why they get it, and the one-click unsubscribe link. */
export function mailingFootnotes(locale: string, unsubscribeLink: string): string[] {
  const i18n = i18nFor(asLocale(locale));
  return [i18n.t("mail.mailing.why"), i18n.t("mail.unsubscribe", { link: unsubscribeLink })];
}

export function writeMailing(
  mailing: Pick<Mailing, "subject" | "body_md" | "locale">,
  unsubscribe: Unsubscribe,
  options: { test?: boolean } = {},
): Omit<ComposedMail, "to"> {
  const i18n = i18nFor(asLocale(mailing.locale));
  const mail = renderEmail(i18n, {
    subject: options.test ? i18n.t("mail.mailing.testSubject", { subject: mailing.subject }) : mailing.subject,
    paragraphs: [],
    body: { html: renderMarkdown(mailing.body_md), text: mailing.body_md },
    footnotes: mailingFootnotes(mailing.locale, unsubscribe.link),
  });
  return { ...mail, headers: unsubscribe.headers };
}

/** The unsubscribe part of a preview or a test: a link that looks like the real one and unsubscribes nobody. */
export function sampleUnsubscribe(deps: Deps, locale: string): Unsubscribe {
  return unsubscribeLinkParts(deps, "preview", locale);
}

/**
 * One recipient's copy, written when it is sent: nothing if they were erased or withdrew
 * their consent meanwhile (the message is then cancelled and counted as skipped).
 */
const composeMailing: MailComposer = async (deps, params) => {
  const supporterId = idIn(params, "supporterId");
  const [mailing, supporter] = await Promise.all([
    findMailing(deps.db, idIn(params, "mailingId")),
    deps.db
      .selectFrom("supporters")
      .select(["id", "email", "created_at"])
      .where("id", "=", supporterId)
      .where("erased_at", "is", null)
      .executeTakeFirst(),
  ]);
  if (!mailing || !supporter) return null;
  if (!(await hasCurrentConsent(deps.db, supporter.id, "email-updates"))) return null;
  return { to: supporter.email, ...writeMailing(mailing, unsubscribeParts(deps, supporter, mailing.locale)) };
};

/** The test copy, to the staff member's own address. */
const composeMailingTest: MailComposer = async (deps, params) => {
  const [mailing, staff] = await Promise.all([
    findMailing(deps.db, idIn(params, "mailingId")),
    deps.db
      .selectFrom("staff_users")
      .select("email")
      .where("id", "=", idIn(params, "staffUserId"))
      .where("disabled_at", "is", null)
      .executeTakeFirst(),
  ]);
  if (!mailing || !staff) return null;
  return { to: staff.email, ...writeMailing(mailing, sampleUnsubscribe(deps, mailing.locale), { test: true }) };
};

/** The emails of this module, by the kind the outbox knows them by. */
export const MAILING_MAIL: Record<string, MailKind> = {
  [MAIL_MAILING]: { compose: composeMailing },
  [MAIL_MAILING_TEST]: { compose: composeMailingTest },
};
