import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";

/** What a consent is for. Nothing is emailed for a purpose without a current confirmed consent. */
export type ConsentPurpose = "email-updates" | "publish-comment" | "event-emails" | "share-with-group-organiser";

export interface ConsentEvidence {
  supporterId: number;
  purpose: ConsentPurpose;
  wording: string;
  wordingVersion: string;
  locale: string;
  source: string;
  campaignId: number | null;
  method: "form-checkbox" | "api";
}

/** What a consent record says: the evidence shown to the supporter (export) and to campaigners. */
export const CONSENT_EVIDENCE = [
  "purpose",
  "wording",
  "wording_version",
  "locale",
  "source",
  "method",
  "given_at",
  "confirmed_at",
  "withdrawn_at",
  "withdrawn_method",
] as const;

/** Records a consent as given (not yet confirmed by the double opt-in). */
export async function recordConsent(db: Db, evidence: ConsentEvidence): Promise<void> {
  await db
    .insertInto("consents")
    .values({
      supporter_id: evidence.supporterId,
      purpose: evidence.purpose,
      wording: evidence.wording,
      wording_version: evidence.wordingVersion,
      locale: evidence.locale,
      source: evidence.source,
      campaign_id: evidence.campaignId,
      method: evidence.method,
      given_at: now(),
      confirmed_at: null,
      withdrawn_at: null,
      withdrawn_method: null,
    })
    .execute();
}

/** The double opt-in: confirms the consents this supporter gave at this source. */
export async function confirmConsents(db: Db, supporterId: number, source: string): Promise<ConsentPurpose[]> {
  const rows = await db
    .updateTable("consents")
    .set({ confirmed_at: now() })
    .where("supporter_id", "=", supporterId)
    .where("source", "=", source)
    .where("confirmed_at", "is", null)
    .where("withdrawn_at", "is", null)
    .returning("purpose")
    .execute();
  return rows.map((r) => r.purpose as ConsentPurpose);
}

export type WithdrawalMethod = "one-click" | "unsubscribe-page" | "preferences" | "erasure";

/** Withdraws every current consent of a supporter for a purpose; the records stay, marked. */
export async function withdrawConsents(
  db: Db,
  supporterId: number,
  purpose: ConsentPurpose,
  method: WithdrawalMethod,
): Promise<number> {
  const result = await db
    .updateTable("consents")
    .set({ withdrawn_at: now(), withdrawn_method: method })
    .where("supporter_id", "=", supporterId)
    .where("purpose", "=", purpose)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Whether the supporter has a confirmed, not withdrawn consent for this purpose: the gate for every such email. */
export async function hasCurrentConsent(db: Db, supporterId: number, purpose: ConsentPurpose): Promise<boolean> {
  const row = await db
    .selectFrom("consents")
    .select("id")
    .where("supporter_id", "=", supporterId)
    .where("purpose", "=", purpose)
    .where("confirmed_at", "is not", null)
    .where("withdrawn_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
