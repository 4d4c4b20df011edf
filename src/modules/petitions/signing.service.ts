import type { Deps } from "../../deps.ts";
import { DomainError, NotFoundError } from "../../errors.ts";
import { enqueueJob } from "../../jobs/jobs.repo.ts";
import { takesSignatures } from "../campaigns/campaign-states.ts";
import { findCampaignForSigning } from "../campaigns/campaigns.repo.ts";
import type { I18n } from "../i18n/i18n.ts";
import { recordConsent } from "../supporters/consents.repo.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { incrementCounts } from "./counts.repo.ts";
import { type FieldProblem, type SignatureForm, validateSignature } from "./signature-input.ts";
import { findSignatureOf, insertSignature, type SignatureSource } from "./signatures.repo.ts";

/** The consent asked for beside the signature; its wording is versioned with this key. */
export const UPDATES_CONSENT = { purpose: "email-updates", version: "petition-updates-1" } as const;

export const JOB_SEND_CONFIRMATION = "send-signature-confirmation";
export const JOB_SEND_ALREADY_SIGNED = "send-already-signed";

export interface SignRequest {
  slug: string;
  form: SignatureForm;
  i18n: I18n;
  source: SignatureSource;
  networkHash: string | null;
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
  const checked = validateSignature(request.form, { postcodeRequired: campaign.postcode_required === 1 });
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const s = checked.value;
  const instant = campaign.signature_policy === "instant";

  const referralCode = await deps.db.transaction().execute(async (trx) => {
    const supporter = await findOrCreateSupporter(trx, {
      email: s.email,
      emailCanonical: s.emailCanonical,
      name: s.name,
      country: s.country,
      postcode: s.postcode,
      locale: request.i18n.locale,
    });
    const created = await insertSignature(trx, {
      campaignId: campaign.id,
      supporterId: supporter.id,
      name: s.name,
      country: s.country,
      postcode: s.postcode,
      comment: s.comment,
      showName: s.showName,
      status: instant ? "confirmed" : "pending",
      locale: request.i18n.locale,
      source: request.source,
      networkHash: request.networkHash,
    });
    if (!created) {
      const existing = await findSignatureOf(trx, campaign.id, supporter.id);
      if (!existing) throw new Error("signature vanished while signing");
      // At most one such email an hour, however often the address is typed in.
      const hour = new Date().toISOString().slice(0, 13);
      await enqueueJob(
        trx,
        JOB_SEND_ALREADY_SIGNED,
        { signatureId: existing.id },
        { idempotencyKey: `already-signed:${existing.id}:${hour}` },
      );
      return existing.referral_code;
    }
    if (instant) await incrementCounts(trx, campaign.id, s.country);
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
    // Instant signatures need no confirmation; an email is sent only to confirm updates.
    if (!instant || s.wantsUpdates) {
      await enqueueJob(
        trx,
        JOB_SEND_CONFIRMATION,
        { signatureId: created.id },
        { idempotencyKey: `confirm:${created.id}` },
      );
    }
    return created.referral_code;
  });

  if (instant) deps.counts.changed(campaign.id);
  deps.wakeWorker();
  return { kind: "signed", referralCode };
}
