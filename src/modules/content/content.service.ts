import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { listFeaturedCampaigns } from "../campaigns/campaigns.repo.ts";
import { withCounts } from "../campaigns/campaigns.service.ts";
import { inLanguage } from "../campaigns/translations.repo.ts";
import { listUpcomingEvents } from "../events/events.repo.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.ts";
import { listPublishedStories } from "../stories/stories.repo.ts";
import { HOME_STORIES } from "../stories/stories.service.ts";
import { findPage, listFigures } from "./content.repo.ts";
import { findHomeLayout, type HomeBlock, shownBlocks } from "./home-layout.ts";
import { renderMarkdown, type SafeHtml } from "./markdown.ts";
import { SLUG } from "./slug.ts";
import { listTakeActionItems } from "./take-action.repo.ts";

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

/** How many upcoming events and ways to help the home page shows when those blocks are on. */
export const HOME_EVENTS = 3;
export const HOME_ACTIONS = 3;

/**
 * The home page: the movement's message, then the blocks campaigners chose, in their order.
 * Only what a shown block needs is read.
 */
export async function getHomePage(deps: Pick<Deps, "db">, locale: Locale) {
  const layout = await findHomeLayout(deps.db);
  const blocks = shownBlocks(layout);
  const on = (block: HomeBlock) => blocks.includes(block);
  const [intro, figures, campaigns, stories, events, actions] = await Promise.all([
    getContentPage(deps, PAGE_SLUGS.home, locale),
    on("figures") ? getFigures(deps, locale) : [],
    on("campaigns")
      ? listFeaturedCampaigns(deps.db, layout)
          .then((rows) => inLanguage(deps.db, rows, locale))
          .then((rows) => withCounts(deps, rows))
      : [],
    on("stories") ? listPublishedStories(deps.db, HOME_STORIES) : [],
    on("events")
      ? listUpcomingEvents(deps.db, { country: null, mode: null }, new Date().toISOString(), HOME_EVENTS)
      : [],
    on("take-action") ? listTakeActionItems(deps.db, locale).then((rows) => rows.slice(0, HOME_ACTIONS)) : [],
  ]);
  let shownActions = actions;
  if (on("take-action") && actions.length === 0 && locale !== DEFAULT_LOCALE)
    shownActions = (await listTakeActionItems(deps.db, DEFAULT_LOCALE)).slice(0, HOME_ACTIONS);
  return { blocks, intro, figures, campaigns, stories, events, actions: shownActions };
}
