import type { Generated } from "kysely";

/* Signatures and their counts, and what stops abuse of signing: pauses, invalidations, holds, challenges and block lists. */

export type SignatureStatus = "pending" | "confirmed" | "invalidated";

export interface SignatureTable {
  id: Generated<number>;
  campaign_id: number;
  supporter_id: number;
  name: string;
  country: string;
  postcode: string | null;
  comment: string | null;
  /** 1 when the signer chose to show their first name publicly. */
  show_name: number;
  /** 1 when the signer agreed to their comment being shown publicly, with first name and country (once approved). */
  comment_public: Generated<number>;
  status: SignatureStatus;
  locale: string;
  /** This signature's own code, carried by the share links its signer sends. */
  referral_code: string;
  /** The referral code of the share link the signer came through. */
  referred_by: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  /** The host of the referring page (never its full address). */
  referrer_host: string | null;
  /** Keyed hash of the signer's network, for flood detection; never the address. */
  network_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
}

export interface CampaignCountTable {
  campaign_id: number;
  total: number;
  updated_at: string;
}

export interface CampaignCountryCountTable {
  campaign_id: number;
  country: string;
  total: number;
}

/** Signing is paused while a row exists: scope "all" (every petition) or a campaign's id. */
export interface SigningPauseTable {
  scope: string;
  campaign_id: number | null;
  paused_by: number | null;
  paused_at: string;
}

export type InvalidationKind = "network" | "email-domain";

/** Signatures of one petition invalidated together (one network or email domain, one hour). */
export interface InvalidationBatchTable {
  id: Generated<number>;
  campaign_id: number;
  kind: InvalidationKind;
  /** The network hash or the email domain. */
  value: string;
  /** The start of the window; it ended when the batch was made. */
  since: string;
  /** How many signatures it invalidated. */
  signatures: number;
  created_by: number | null;
  created_at: string;
  restored_by: number | null;
  restored_at: string | null;
}

/** A signature in a batch, and the status it goes back to when the batch is restored. */
export interface InvalidatedSignatureTable {
  batch_id: number;
  signature_id: number;
  previous_status: "pending" | "confirmed";
}

/** Why a signature was held back quietly: never counted unless staff release it. */
export type HoldReason = "honeypot" | "too-fast" | "blocked" | "challenge";

/** A signature held back at signing (its status is "invalidated"), and what it becomes if released. */
export interface HeldSignatureTable {
  signature_id: number;
  campaign_id: number;
  reason: HoldReason;
  release_status: "pending" | "confirmed";
  held_at: string;
  released_by: number | null;
  released_at: string | null;
}

/**
 * Whether a petition's sign form carries the proof-of-work challenge: "on" from `since` until
 * `ends_at` (none: until switched off), switched by a burst or a campaigner; "off" by a
 * campaigner holds off the automatic switch until `ends_at`.
 */
export interface SigningChallengeTable {
  campaign_id: number;
  state: "on" | "off";
  reason: "burst" | "campaigner";
  since: string;
  ends_at: string | null;
  changed_by: number | null;
}

/** A challenge whose solution was taken once (its signature), kept until it expires. */
export interface UsedChallengeTable {
  signature: string;
  expires_at: string;
}

/** An entry of the block or allow list: an email domain, or a network range in CIDR form. */
export interface AbuseRuleTable {
  id: Generated<number>;
  kind: "email-domain" | "network";
  action: "block" | "allow";
  value: string;
  note: string;
  created_by: number | null;
  created_at: string;
}
