import type { Generated } from "kysely";

/**
 * The shape of every table, as both engines return it: timestamps are ISO-8601 strings,
 * ids are numbers, and flags are integers 0 or 1 (SQLite has no boolean type; one
 * representation on both engines keeps the repositories free of dialect checks).
 */
export interface Tables {
  content_pages: ContentPageTable;
  figures: FigureTable;
  campaigns: CampaignTable;
  dev_mail: DevMailTable;
}

export interface ContentPageTable {
  id: Generated<number>;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  body_md: string;
  created_at: string;
  updated_at: string;
}

export type FigureStyle = "number" | "compact" | "percent";

/** One statistic in the home page's "in numbers" block. */
export interface FigureTable {
  id: Generated<number>;
  locale: string;
  position: number;
  /** The figure; null means "no figure given", and the block is then not shown. */
  value: number | null;
  style: FigureStyle;
  label: string;
  source: string;
  source_url: string | null;
  /** The date the figure holds for, as YYYY, YYYY-MM or YYYY-MM-DD. */
  as_of: string | null;
  created_at: string;
  updated_at: string;
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
}

export interface DevMailTable {
  id: Generated<number>;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** The message's headers as a JSON object of strings. */
  headers: string;
  created_at: string;
}
