import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { renderMarkdown } from "../content/markdown.ts";
import { SLUG } from "../content/slug.ts";
import { readCounts } from "../petitions/counts.repo.ts";
import { listingRank } from "./campaign-states.ts";
import { findPublicCampaign, listCampaignUpdates, listPublicCampaigns } from "./campaigns.repo.ts";
import { inLanguage, updatesInLanguage } from "./translations.repo.ts";

/** Open campaigns first, then won and delivered, then closed; newest first within each; with their counts. */
export async function listCampaigns(deps: Pick<Deps, "db">, locale: string) {
  const rows = await inLanguage(deps.db, await listPublicCampaigns(deps.db), locale);
  return withCounts(
    deps,
    rows.sort((a, b) => listingRank(a.status) - listingRank(b.status)),
  );
}

/** Campaign summaries with the number of signatures each has, read from the counts table. */
export async function withCounts<T extends { id: number }>(
  deps: Pick<Deps, "db">,
  rows: T[],
): Promise<(T & { total: number })[]> {
  const counts = await readCounts(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, total: counts.get(r.id) ?? 0 }));
}

export async function getCampaign(deps: Pick<Deps, "db">, slug: string, locale: string) {
  // Anything else cannot name a campaign; PostgreSQL would also refuse a NUL in it with an error.
  if (!SLUG.test(slug) || slug.length > 120) throw new NotFoundError();
  const found = await findPublicCampaign(deps.db, slug);
  if (!found) throw new NotFoundError();
  const [row = found] = await inLanguage(deps.db, [found], locale);
  const updates = await updatesInLanguage(deps.db, await listCampaignUpdates(deps.db, row.id), locale);
  return {
    ...row,
    body: renderMarkdown(row.body_md),
    /** The language the campaign was written in, for the note shown when it has no translation. */
    originalLocale: found.locale,
    updates: updates.map((u) => ({
      id: u.id,
      title: u.title,
      body: renderMarkdown(u.body_md),
      publishedAt: u.published_at,
      locale: u.locale ?? found.locale,
    })),
  };
}

export type CampaignPageView = Awaited<ReturnType<typeof getCampaign>>;
