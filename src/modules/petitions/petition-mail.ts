import type { Deps } from "../../deps.ts";
import { inLanguage } from "../campaigns/translations.repo.ts";
import { i18nFor } from "../i18n/i18n.ts";
import { asLocale, localisedPath } from "../i18n/locales.ts";
import { idIn, siteUrl, tokenLink } from "../mail/compose-parts.ts";
import { renderEmail } from "../mail/email.tsx";
import type { MailComposer, MailKind } from "../mail/mail-kinds.ts";
import { findSignatureForMail, firstNameOf } from "./signatures.repo.ts";
import { MAIL_ALREADY_SIGNED, MAIL_SIGNATURE_CONFIRMATION } from "./signing.service.ts";

function confirmationLink(deps: Deps, signatureId: number, locale: string): Promise<string> {
  return tokenLink(deps, "confirm-signature", signatureId, asLocale(locale), "/signatures/confirm");
}

/** The signature with its campaign's words in the signer's language, where translated. */
async function signatureInLanguage(deps: Deps, payload: unknown) {
  const signature = await findSignatureForMail(deps.db, idIn(payload, "signatureId"));
  if (!signature) return undefined;
  const [campaign] = await inLanguage(
    deps.db,
    [{ id: signature.campaign_id, locale: signature.campaign_locale, title: signature.title }],
    signature.locale,
  );
  return { ...signature, title: campaign?.title ?? signature.title };
}

/**
 * The email that asks a signer to confirm. A fresh token each time it is written (at every
 * attempt): the link of an earlier email stays valid until it expires or one of them is used.
 */
const composeConfirmation: MailComposer = async (deps, payload) => {
  const signature = await signatureInLanguage(deps, payload);
  if (!signature) return null; // Erased since: nothing to send.
  const i18n = i18nFor(asLocale(signature.locale));
  const instant = signature.signature_policy === "instant";
  if (signature.status !== "pending" && !instant) return null;
  const url = await confirmationLink(deps, signature.id, signature.locale);
  const values = { name: firstNameOf(signature.name), title: signature.title };
  const mail = renderEmail(i18n, {
    subject: i18n.t(instant ? "mail.confirmUpdates.subject" : "mail.confirm.subject", values),
    paragraphs: [
      i18n.t("mail.greeting", values),
      i18n.t(instant ? "mail.confirmUpdates.body" : "mail.confirm.body", values),
    ],
    action: { label: i18n.t(instant ? "mail.confirmUpdates.button" : "mail.confirm.button"), url },
    footnotes: [i18n.t("mail.confirm.expiry"), i18n.t("mail.confirm.notYou")],
  });
  return { to: signature.email, ...mail };
};

/** Someone signed again with this address: tell its owner, not the person who typed it. */
const composeAlreadySigned: MailComposer = async (deps, payload) => {
  const signature = await signatureInLanguage(deps, payload);
  if (!signature) return null;
  const i18n = i18nFor(asLocale(signature.locale));
  const values = { name: firstNameOf(signature.name), title: signature.title };
  const pending = signature.status === "pending";
  const campaignPath = localisedPath(i18n.locale, `/campaigns/${signature.slug}`);
  const action = pending
    ? { label: i18n.t("mail.confirm.button"), url: await confirmationLink(deps, signature.id, signature.locale) }
    : {
        label: i18n.t("mail.alreadySigned.share"),
        url: `${siteUrl(deps, campaignPath)}?ref=${signature.referral_code}`,
      };
  const mail = renderEmail(i18n, {
    subject: i18n.t("mail.alreadySigned.subject", values),
    paragraphs: [
      i18n.t("mail.greeting", values),
      i18n.t(pending ? "mail.alreadySigned.pending" : "mail.alreadySigned.confirmed", values),
    ],
    action,
    footnotes: [i18n.t("mail.confirm.notYou")],
  });
  return { to: signature.email, ...mail };
};

/** The emails of this module, by the kind the outbox knows them by. */
export const PETITION_MAIL: Record<string, MailKind> = {
  [MAIL_SIGNATURE_CONFIRMATION]: { compose: composeConfirmation },
  [MAIL_ALREADY_SIGNED]: { compose: composeAlreadySigned },
};
