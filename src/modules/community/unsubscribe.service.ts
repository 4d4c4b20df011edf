import type { Deps } from "../../deps.ts";
import { emitWebhookEvent } from "../api/webhook-events.ts";
import { type WithdrawalMethod, withdrawConsents } from "../supporters/consents.repo.ts";
import { supporterOfUnsubscribeToken } from "./unsubscribe-token.ts";

/** Whether an unsubscribe link is one of ours (it never says anything about the supporter). */
export async function isUnsubscribeToken(deps: Deps, token: unknown): Promise<boolean> {
  return (await supporterOfUnsubscribeToken(deps.db, deps.config.secretKey, token)) !== null;
}

/**
 * Stops every email about campaigns to the supporter the link was made for: their
 * consents are marked withdrawn, with when and how. Signatures they gave still count.
 * Unsubscribing twice is the same as once. A link that opens no one changes nothing.
 */
export async function unsubscribe(deps: Deps, token: unknown, method: WithdrawalMethod): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const supporterId = await supporterOfUnsubscribeToken(trx, deps.config.secretKey, token);
    if (supporterId === null) return false;
    const withdrawn = await withdrawConsents(trx, supporterId, "email-updates", method);
    if (withdrawn > 0) await emitWebhookEvent(trx, "supporter.unsubscribed", { person_id: supporterId });
    return true;
  });
}
