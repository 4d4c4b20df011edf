import { randomBytes } from "node:crypto";
import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import type { SignatureStatus } from "../../db/tables.ts";

export interface NewSignature {
  campaignId: number;
  supporterId: number;
  name: string;
  country: string;
  postcode: string | null;
  comment: string | null;
  showName: boolean;
  commentPublic: boolean;
  status: SignatureStatus;
  locale: string;
  source: SignatureSource;
  networkHash: string | null;
}

/** Where a signature came from (OSDI's referrer_data, plus utm_* parameters). */
export interface SignatureSource {
  referredBy: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  referrerHost: string | null;
}

/** A short code for share links: 10 characters, unguessable enough to not be enumerated. */
export function newReferralCode(): string {
  return randomBytes(8).toString("base64url").slice(0, 10);
}

/**
 * Adds the signature unless this supporter has already signed this campaign, in which case
 * nothing is written and undefined is returned. Racing submissions end with one signature.
 */
export async function insertSignature(
  db: Db,
  s: NewSignature,
): Promise<{ id: number; referral_code: string } | undefined> {
  const at = now();
  return db
    .insertInto("signatures")
    .values({
      campaign_id: s.campaignId,
      supporter_id: s.supporterId,
      name: s.name,
      country: s.country,
      postcode: s.postcode,
      comment: s.comment,
      show_name: s.showName ? 1 : 0,
      comment_public: s.commentPublic ? 1 : 0,
      status: s.status,
      locale: s.locale,
      referral_code: newReferralCode(),
      referred_by: s.source.referredBy,
      utm_source: s.source.utmSource,
      utm_medium: s.source.utmMedium,
      utm_campaign: s.source.utmCampaign,
      utm_term: s.source.utmTerm,
      utm_content: s.source.utmContent,
      referrer_host: s.source.referrerHost,
      network_hash: s.networkHash,
      created_at: at,
      confirmed_at: s.status === "confirmed" ? at : null,
    })
    .onConflict((oc) => oc.columns(["campaign_id", "supporter_id"]).doNothing())
    .returning(["id", "referral_code"])
    .executeTakeFirst();
}

export async function findSignatureOf(db: Db, campaignId: number, supporterId: number) {
  return db
    .selectFrom("signatures")
    .select(["id", "referral_code", "status"])
    .where("campaign_id", "=", campaignId)
    .where("supporter_id", "=", supporterId)
    .executeTakeFirst();
}

/** Marks a pending signature confirmed; false when it was not pending (already confirmed, or invalid). */
export async function confirmPending(db: Db, signatureId: number): Promise<boolean> {
  const result = await db
    .updateTable("signatures")
    .set({ status: "confirmed", confirmed_at: now() })
    .where("id", "=", signatureId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A signature with what is needed to write to its signer about it. */
export async function findSignatureForMail(db: Db, signatureId: number) {
  return db
    .selectFrom("signatures")
    .innerJoin("supporters", "supporters.id", "signatures.supporter_id")
    .innerJoin("campaigns", "campaigns.id", "signatures.campaign_id")
    .select([
      "signatures.id",
      "signatures.status",
      "signatures.locale",
      "signatures.name",
      "signatures.country",
      "signatures.campaign_id",
      "signatures.supporter_id",
      "signatures.referral_code",
      "supporters.email",
      "campaigns.slug",
      "campaigns.title",
      "campaigns.signature_policy",
      "campaigns.status as campaign_status",
      "campaigns.locale as campaign_locale",
    ])
    .where("signatures.id", "=", signatureId)
    .executeTakeFirst();
}

/** The signatures of those who chose to show their name: first name and country only. */
export async function recentPublicSigners(db: Db, campaignId: number, limit: number) {
  const rows = await db
    .selectFrom("signatures")
    .select(["id", "name", "country", "confirmed_at"])
    .where("campaign_id", "=", campaignId)
    .where("status", "=", "confirmed")
    .where("show_name", "=", 1)
    .orderBy("confirmed_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, firstName: firstNameOf(r.name), country: r.country, at: r.confirmed_at }));
}

/** The first word of a full name: all that is ever shown of a signer. */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? "";
}

/**
 * What is left of a signature once its signer's details are erased (at their request, or
 * by retention): its campaign, country, status and dates, so that counts stay right.
 */
export const ANONYMOUS_SIGNATURE = {
  name: "",
  postcode: null,
  comment: null,
  comment_public: 0,
  show_name: 0,
  referred_by: null,
  utm_source: null,
  utm_medium: null,
  utm_campaign: null,
  utm_term: null,
  utm_content: null,
  referrer_host: null,
  network_hash: null,
} as const;
