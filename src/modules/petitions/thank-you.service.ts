import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { findCampaignForSigning } from "../campaigns/campaigns.repo.ts";
import { inLanguage } from "../campaigns/translations.repo.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";
import { MAIL_SIGNATURE_CONFIRMATION } from "./signing.service.ts";

const REFERRAL_CODE = /^[A-Za-z0-9_-]{10}$/;

/**
 * The thank-you page's facts: the campaign, and the referral code for the share links if
 * it is one of this campaign's. Nothing about the signer is shown.
 */
export async function getThankYou(deps: Deps, slug: string, code: unknown, locale: string) {
  const found = await findCampaignForSigning(deps.db, slug);
  if (!found) throw new NotFoundError();
  const [campaign = found] = await inLanguage(deps.db, [found], locale);
  let referralCode: string | null = null;
  if (typeof code === "string" && REFERRAL_CODE.test(code)) {
    const row = await deps.db
      .selectFrom("signatures")
      .select("referral_code")
      .where("campaign_id", "=", campaign.id)
      .where("referral_code", "=", code)
      .executeTakeFirst();
    referralCode = row?.referral_code ?? null;
  }
  return { campaign, referralCode };
}

/**
 * Sends the confirmation link again to an address that signed this campaign and has not
 * confirmed. The answer is the same whatever the address, so it tells nobody who signed;
 * at most one resend per signature each ten minutes.
 */
export async function resendConfirmation(deps: Deps, slug: string, email: unknown): Promise<void> {
  const campaign = await findCampaignForSigning(deps.db, slug);
  if (!campaign) throw new NotFoundError();
  if (typeof email !== "string" || checkEmail(email) !== null) return;
  const pending = await deps.db
    .selectFrom("signatures")
    .innerJoin("supporters", "supporters.id", "signatures.supporter_id")
    .select(["signatures.id", "signatures.supporter_id"])
    .where("signatures.campaign_id", "=", campaign.id)
    .where("supporters.email_canonical", "=", canonicalEmail(email))
    .where("signatures.status", "=", "pending")
    .executeTakeFirst();
  if (!pending) return;
  const tenMinutes = Math.floor(Date.now() / 600_000);
  await queueMail(deps.db, {
    kind: MAIL_SIGNATURE_CONFIRMATION,
    params: { signatureId: pending.id },
    idempotencyKey: `resend:${pending.id}:${tenMinutes}`,
    supporterId: pending.supporter_id,
  });
  deps.wakeWorker();
}
