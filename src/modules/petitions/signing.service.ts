import type { Db } from "../../db/index.ts";
import type { HoldReason } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { DomainError, NotFoundError } from "../../errors.ts";
import { challengeHold } from "../abuse/challenge-switch.ts";
import { dropHeldSignature, holdSignature } from "../abuse/holds.repo.ts";
import type { Verdict } from "../abuse/rules.ts";
import { heldBecause } from "../abuse/screening.ts";
import { emitWebhookEvent } from "../api/webhook-events.ts";
import { takesSignatures } from "../campaigns/campaign-states.ts";
import { findCampaignForSigning } from "../campaigns/campaigns.repo.ts";
import type { I18n } from "../i18n/i18n.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { recordConsent } from "../supporters/consents.repo.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { COMMENT_CONSENT, queueComment } from "./comments.ts";
import { countAtEndOfBatch } from "./counts.repo.ts";
import { isPaused, readPause, SigningPausedError } from "./pause.repo.ts";
import { type FieldProblem, type SignatureForm, type ValidSignature, validateSignature } from "./signature-input.ts";
import {
  findSignatureOf,
  insertSignature,
  type NewSignature,
  newReferralCode,
  type SignatureSource,
} from "./signatures.repo.ts";

/** The consent asked for beside the signature; its wording is versioned with this key. */
export const UPDATES_CONSENT = { purpose: "email-updates", version: "petition-updates-1" } as const;

/** The emails signing sends, by their kind in the mail outbox (composed in petition-mail.ts). */
export const MAIL_SIGNATURE_CONFIRMATION = "signature-confirmation";
export const MAIL_ALREADY_SIGNED = "already-signed";

export interface SignRequest {
  slug: string;
  form: SignatureForm;
  i18n: I18n;
  source: SignatureSource;
  networkHash: string | null;
  /** What the form's own checks found (the site's form and the embed; the API leaves it out). */
  formCheck?: HoldReason | null;
  /**
   * The proof-of-work field of the site's form and the embed, checked when the challenge is on
   * for the petition (the API leaves it out: its keys are the control there).
   */
  challenge?: { solution: unknown };
  /** The block and allow lists' word on the signer's network, asked with the raw address (never kept). */
  network?: Verdict;
  /**
   * Counts a valid submission of this address to this petition; true when over its limit (then
   * the answer is the usual one and nothing is written). Asked only once the form is valid.
   */
  overLimit?: (emailCanonical: string) => Promise<boolean>;
}

export type SignOutcome =
  | { kind: "invalid"; problems: FieldProblem[] }
  /**
   * Signed, or had signed before: the two look the same to whoever typed the address, so
   * that nobody can find out whether someone else signed. The signer hears by email.
   */
  | { kind: "signed"; referralCode: string };

/** Only an open campaign takes signatures; the others say why not. */
export class CampaignClosedError extends DomainError {
  constructor() {
    super("conflict", "campaign-closed");
  }
}

export async function signPetition(deps: Deps, request: SignRequest): Promise<SignOutcome> {
  const campaign = await findCampaignForSigning(deps.db, request.slug);
  if (!campaign) throw new NotFoundError();
  if (!takesSignatures(campaign)) throw new CampaignClosedError();
  // Paused (this petition, or all in an emergency): refused before anything is written.
  if (isPaused(await readPause(deps.db, campaign.id))) throw new SigningPausedError();
  const checked = validateSignature(request.form, { postcodeRequired: campaign.postcode_required === 1 });
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const s = checked.value;
  const instant = campaign.signature_policy === "instant";
  // Over the per-address limit: the usual answer, with a code that leads nowhere, and nothing written.
  if (await request.overLimit?.(s.emailCanonical)) return { kind: "signed", referralCode: newReferralCode() };
  // Held back quietly (a bot's form, an unsolved challenge, a blocked domain or network): stored, never counted.
  const formCheck =
    request.formCheck ??
    (request.challenge ? await challengeHold(deps, campaign.id, request.challenge.solution) : null);
  const held = heldBecause({ ...request, formCheck }, (await deps.abuse.rules()).emailDomain(s.emailCanonical));
  if (held) return signHeld(deps, request, campaign, s, held);

  // All or nothing per signature; signatures arriving together share a commit.
  const referralCode = await deps.database.batchedTransaction(async (trx, unit) => {
    const supporter = await signerOf(trx, s, request);
    const signature = signatureRow(request, campaign.id, supporter.id, s, {
      commentPublic: s.commentPublic,
      status: instant ? "confirmed" : "pending",
    });
    let created = await insertSignature(trx, signature);
    // A signature held back earlier for this address (a script may have typed it first) gives
    // way to this one, which passed every check.
    if (!created && (await dropHeldSignature(trx, campaign.id, supporter.id))) {
      created = await insertSignature(trx, signature);
    }
    if (!created) {
      const existing = await findSignatureOf(trx, campaign.id, supporter.id);
      if (!existing) throw new Error("signature vanished while signing");
      // At most one such email an hour, however often the address is typed in.
      const hour = new Date().toISOString().slice(0, 13);
      await queueMail(trx, {
        kind: MAIL_ALREADY_SIGNED,
        params: { signatureId: existing.id },
        idempotencyKey: `already-signed:${existing.id}:${hour}`,
        supporterId: supporter.id,
      });
      return existing.referral_code;
    }
    if (s.wantsUpdates) {
      await recordConsent(trx, {
        supporterId: supporter.id,
        purpose: UPDATES_CONSENT.purpose,
        wording: request.i18n.t("sign.updates.label"),
        wordingVersion: UPDATES_CONSENT.version,
        locale: request.i18n.locale,
        source: `petition:${campaign.slug}`,
        campaignId: campaign.id,
        method: "form-checkbox",
      });
    }
    if (s.commentPublic) await queueCommentWithConsent(trx, request, campaign, supporter.id, created.id);
    await emitWebhookEvent(trx, "signature.created", {
      signature_id: created.id,
      petition: campaign.slug,
      status: instant ? "confirmed" : "pending",
    });
    // Instant signatures need no confirmation; an email is sent only to confirm updates.
    if (!instant || s.wantsUpdates) {
      await queueMail(trx, {
        kind: MAIL_SIGNATURE_CONFIRMATION,
        params: { signatureId: created.id },
        idempotencyKey: `confirm:${created.id}`,
        supporterId: supporter.id,
      });
    }
    // Once for the whole batch, just before its commit: the counts row is every signer's.
    if (instant) countAtEndOfBatch(unit, campaign.id, s.country);
    return created.referral_code;
  }, s.emailCanonical);

  if (instant) deps.counts.changed(campaign.id);
  deps.wakeWorker();
  return { kind: "signed", referralCode };
}

/**
 * A comment its signer agreed to show: the consent's evidence (its words, in the language
 * shown) and the comment's place in the moderation queue, in the signing transaction.
 */
async function queueCommentWithConsent(
  trx: Db,
  request: SignRequest,
  campaign: { id: number; slug: string },
  supporterId: number,
  signatureId: number,
) {
  await recordConsent(trx, {
    supporterId,
    purpose: COMMENT_CONSENT.purpose,
    wording: request.i18n.t("sign.commentPublic.label"),
    wordingVersion: COMMENT_CONSENT.version,
    locale: request.i18n.locale,
    source: `petition:${campaign.slug}`,
    campaignId: campaign.id,
    method: "form-checkbox",
  });
  await queueComment(trx, { signatureId, campaignId: campaign.id, supporterId, locale: request.i18n.locale });
}

/** The signer, found by their address or made a supporter, in the signature's transaction. */
function signerOf(trx: Db, s: ValidSignature, request: SignRequest) {
  return findOrCreateSupporter(trx, {
    email: s.email,
    emailCanonical: s.emailCanonical,
    name: s.name,
    country: s.country,
    postcode: s.postcode,
    locale: request.i18n.locale,
  });
}

/** The row a signature is written as; only its status and whether its comment is public differ. */
function signatureRow(
  request: SignRequest,
  campaignId: number,
  supporterId: number,
  s: ValidSignature,
  differs: Pick<NewSignature, "commentPublic" | "status">,
): NewSignature {
  return {
    campaignId,
    supporterId,
    name: s.name,
    country: s.country,
    postcode: s.postcode,
    comment: s.comment,
    showName: s.showName,
    ...differs,
    locale: request.i18n.locale,
    source: request.source,
    networkHash: request.networkHash,
  };
}

/**
 * A signature held back: written as "invalidated" with the reason and the status it gets if
 * staff release it, and nothing else (no consent, comment, email or count). The answer is the
 * usual one, so that whoever sent it sees nothing different.
 */
async function signHeld(
  deps: Deps,
  request: SignRequest,
  campaign: { id: number; signature_policy: string },
  s: ValidSignature,
  reason: HoldReason,
): Promise<SignOutcome> {
  const referralCode = await deps.database.batchedTransaction(async (trx) => {
    const supporter = await signerOf(trx, s, request);
    const created = await insertSignature(
      trx,
      signatureRow(request, campaign.id, supporter.id, s, { commentPublic: false, status: "invalidated" }),
    );
    if (!created) return (await findSignatureOf(trx, campaign.id, supporter.id))?.referral_code ?? "";
    await holdSignature(trx, {
      signatureId: created.id,
      campaignId: campaign.id,
      reason,
      releaseStatus: campaign.signature_policy === "instant" ? "confirmed" : "pending",
    });
    return created.referral_code;
  }, s.emailCanonical);
  return { kind: "signed", referralCode };
}
