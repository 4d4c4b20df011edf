import type { Deps } from "../../deps.ts";
import { emitWebhookEvent } from "../api/webhook-events.ts";
import { confirmConsents } from "../supporters/consents.repo.ts";
import { consumeToken, inspectToken } from "../tokens/tokens.ts";
import { incrementCounts } from "./counts.repo.ts";
import { confirmPending, findSignatureForMail } from "./signatures.repo.ts";

/** "closed": the link was good, but the petition stopped taking signatures before it was used. */
export type ConfirmationState = "valid" | "used" | "expired" | "unknown" | "closed";

export interface ConfirmationView {
  state: ConfirmationState;
  campaign?: { slug: string; title: string };
  referralCode?: string;
}

/** What the link in the email leads to, before anything is changed (GET must not confirm). */
export async function describeConfirmation(deps: Deps, token: unknown): Promise<ConfirmationView> {
  const seen = await inspectToken(deps.db, "confirm-signature", token);
  if (seen.state === "unknown") return { state: "unknown" };
  const signature = await findSignatureForMail(deps.db, seen.subjectId);
  if (!signature) return { state: "unknown" };
  const campaign = { slug: signature.slug, title: signature.title };
  if (seen.state === "valid" && signature.status === "pending" && signature.campaign_status !== "open") {
    return { state: "closed", campaign };
  }
  return { state: seen.state, campaign };
}

/**
 * The button on that page: uses the token once, counts the signature if it was waiting,
 * and confirms the updates consent given with it. All in one transaction.
 */
export async function confirmSignature(deps: Deps, token: unknown): Promise<ConfirmationView> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const used = await consumeToken(trx, "confirm-signature", token);
    if (used.state === "unknown") return { state: "unknown" as const };
    const signature = await findSignatureForMail(trx, used.subjectId);
    if (!signature) return { state: "unknown" as const };
    const view = {
      campaign: { slug: signature.slug, title: signature.title },
      referralCode: signature.referral_code,
      campaignId: signature.campaign_id,
    };
    if (used.state !== "valid") return { state: used.state, ...view, counted: false };
    // A petition that was closed (or won, or delivered) keeps its final count.
    if (signature.status === "pending" && signature.campaign_status !== "open") {
      return { state: "closed" as const, ...view, counted: false };
    }
    const counted = await confirmPending(trx, signature.id);
    if (counted) {
      await emitWebhookEvent(trx, "signature.confirmed", { signature_id: signature.id, petition: signature.slug });
    }
    const consented = await confirmConsents(trx, signature.supporter_id, `petition:${signature.slug}`);
    if (consented.includes("email-updates")) {
      await emitWebhookEvent(trx, "supporter.subscribed", { person_id: signature.supporter_id });
    }
    // Last: the counts row is every confirmation's, and locked from here to the commit.
    if (counted) await incrementCounts(trx, signature.campaign_id, signature.country);
    return { state: "valid" as const, ...view, counted };
  });
  if ("counted" in result && result.counted) deps.counts.changed(result.campaignId);
  const { state, campaign, referralCode } = result as ConfirmationView;
  return { state, ...(campaign ? { campaign } : {}), ...(referralCode ? { referralCode } : {}) };
}
