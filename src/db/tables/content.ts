import type { Generated } from "kysely";

/* The site's own words: pages, figures, the home page's layout, take-action items and Learn resources. */

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

/** What the home page shows, in order (one row, id 1); see content/home-layout.ts. */
export interface HomeLayoutTable {
  id: number;
  /** The blocks after the movement's message, in order, comma-separated; "-name" is hidden. */
  blocks: string;
  featured: "flagged" | "newest" | "chosen";
  featured_campaign_id: number | null;
  updated_at: string;
}

/** One way to help on the take-action page, in one language. */
export interface TakeActionItemTable {
  id: Generated<number>;
  locale: string;
  position: number;
  title: string;
  text: string;
  link: string;
  link_label: string;
  created_at: string;
  updated_at: string;
}

/** A course or reading on refugees' rights, listed on the Learn page. */
export interface LearnResourceTable {
  id: Generated<number>;
  title: string;
  description: string;
  url: string;
  language: string;
  position: number;
  created_at: string;
  updated_at: string;
}
