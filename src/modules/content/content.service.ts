import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { listFeaturedCampaigns } from "../campaigns/campaigns.repo.ts";
import { withCounts } from "../campaigns/campaigns.service.ts";
import { inLanguage } from "../campaigns/translations.repo.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.ts";
import { listPublishedStories } from "../stories/stories.repo.ts";
import { HOME_STORIES } from "../stories/stories.service.ts";
import { findPage, listFigures } from "./content.repo.ts";
import { renderMarkdown, type SafeHtml } from "./markdown.ts";
import { SLUG } from "./slug.ts";

/** The slugs of the pages the site itself links to; campaigners may add others. */
export const PAGE_SLUGS = {
  home: "home",
  callingFor: "calling-for",
  takeAction: "take-action",
  join: "join",
  learn: "learn",
  privacy: "privacy",
  accessibility: "accessibility",
  contact: "contact",
} as const;

export interface ContentPageView {
  slug: string;
  /** The locale the text is in; differs from the one asked for when it fell back. */
  locale: string;
  title: string;
  summary: string;
  body: SafeHtml;
  updatedAt: string;
}

export async function getContentPage(deps: Pick<Deps, "db">, slug: string, locale: Locale): Promise<ContentPageView> {
  if (!SLUG.test(slug) || slug.length > 80) throw new NotFoundError();
  const page = await findPage(deps.db, slug, [locale, DEFAULT_LOCALE]);
  if (!page) throw new NotFoundError();
  return {
    slug: page.slug,
    locale: page.locale,
    title: page.title,
    summary: page.summary,
    body: renderMarkdown(page.body_md),
    updatedAt: page.updated_at,
  };
}

export interface Figure {
  id: number;
  value: number;
  style: "number" | "compact" | "percent";
  label: string;
  source: string;
  sourceUrl: string | null;
  asOf: string | null;
}

/** The "in numbers" block: a figure with no value is not shown. */
export async function getFigures(deps: Pick<Deps, "db">, locale: Locale): Promise<Figure[]> {
  let rows = await listFigures(deps.db, locale);
  if (rows.length === 0 && locale !== DEFAULT_LOCALE) rows = await listFigures(deps.db, DEFAULT_LOCALE);
  return rows.flatMap((r) =>
    r.value === null
      ? []
      : [
          {
            id: r.id,
            value: r.value,
            style: r.style,
            label: r.label,
            source: r.source,
            sourceUrl: r.source_url,
            asOf: r.as_of,
          },
        ],
  );
}

export async function getHomePage(deps: Pick<Deps, "db">, locale: Locale) {
  const [intro, figures, campaigns, stories] = await Promise.all([
    getContentPage(deps, PAGE_SLUGS.home, locale),
    getFigures(deps, locale),
    listFeaturedCampaigns(deps.db)
      .then((rows) => inLanguage(deps.db, rows, locale))
      .then((rows) => withCounts(deps, rows)),
    listPublishedStories(deps.db, HOME_STORIES),
  ]);
  return { intro, figures, campaigns, stories };
}
