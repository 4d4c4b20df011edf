/** The demo content of one language other than English, in the same order as the English. */
export interface DemoTranslation {
  /** One per English page (same slugs): pages.en.ts. */
  pages: { slug: string; title: string; summary: string; body: string }[];
  /** One per English figure, in the same order: figures.en.ts (values and dates are not text). */
  figures: { label: string; source: string }[];
  /** One per English campaign (same slugs): campaigns.en.ts. */
  campaigns: {
    slug: string;
    title: string;
    summary: string;
    demand: string;
    targetName: string;
    body: string;
    imageAlt: string;
    imageCaption: string;
    imageCredit: string;
  }[];
}
