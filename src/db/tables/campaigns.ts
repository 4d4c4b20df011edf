import type { Generated } from "kysely";

/* Campaigns, their translations and their timeline of updates. */

/** A campaign's words in a language other than its own (campaigns.locale). */
export interface CampaignTranslationTable {
  campaign_id: number;
  locale: string;
  title: string;
  summary: string;
  demand: string;
  target_name: string;
  body_md: string;
  image_alt: string | null;
  image_caption: string | null;
  image_credit: string | null;
  target_office: string | null;
  updated_at: string;
}

export interface CampaignUpdateTranslationTable {
  update_id: number;
  locale: string;
  title: string;
  body_md: string;
}

export type CampaignStatus = "draft" | "open" | "closed" | "won" | "delivered";

export interface CampaignTable {
  id: Generated<number>;
  slug: string;
  locale: string;
  status: CampaignStatus;
  title: string;
  summary: string;
  demand: string;
  target_name: string;
  body_md: string;
  image_alt: string | null;
  featured: number;
  created_at: string;
  updated_at: string;
  signature_policy: Generated<SignaturePolicy>;
  /** A goal the campaign fixes; null steps the goal up automatically. */
  goal: number | null;
  postcode_required: Generated<number>;
  deadline: string | null;
  /** What happened, shown when the campaign is won, delivered or closed. */
  outcome: string | null;
  /** The campaign's picture (a path on this site); its alternative text is image_alt. */
  image_url: string | null;
  image_width: number | null;
  image_height: number | null;
  image_caption: string | null;
  image_credit: string | null;
  /** When it stopped taking signatures; the retention clock for its signers' details starts then. */
  closed_at: string | null;
  /** When a draft opens by itself; a draft with one is "scheduled" (see campaign-states.ts). */
  publish_at: string | null;
  /** The target's office or role, e.g. "Minister of Justice". */
  target_office: string | null;
  topic_id: number | null;
  /** The day the petition was handed to its target (YYYY-MM-DD), and what happened. */
  delivered_on: string | null;
  delivery_note: string | null;
  /** An uploaded picture's random stored name, and the widths made of it (comma-separated). */
  image_key: string | null;
  image_widths: string | null;
}

/** "confirm": a signature counts once its email link is confirmed; "instant": at once. */
export type SignaturePolicy = "confirm" | "instant";

export interface CampaignUpdateTable {
  id: Generated<number>;
  campaign_id: number;
  title: string;
  body_md: string;
  published_at: string;
}
