import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { findCampaignForSigning, listPublicCampaigns } from "../campaigns/campaigns.repo.ts";
import { inLanguage } from "../campaigns/translations.repo.ts";
import { SLUG } from "../content/slug.ts";
import type { I18n } from "../i18n/i18n.ts";
import { readCountryCounts, readCounts } from "./counts.repo.ts";
import { goalFor } from "./goal.ts";

/** The count as pages, embeds and partners read it. */
export async function getCount(deps: Deps, slug: string, i18n: I18n) {
  if (!SLUG.test(slug)) throw new NotFoundError();
  const found = await findCampaignForSigning(deps.db, slug);
  if (!found) throw new NotFoundError();
  const [campaign = found] = await inLanguage(deps.db, [found], i18n.locale);
  const count = await deps.counts.current(campaign.id);
  return { campaign, ...countBody(count.total, goalFor(count.total, campaign.goal), count.updatedAt, i18n) };
}

/** The JSON of a count, with the words for it in the reader's language. */
export function countBody(total: number, goal: number, updatedAt: string | null, i18n: I18n) {
  return {
    total_signatures: total,
    goal,
    updated_at: updatedAt,
    label: i18n.t("petition.count", { count: total }),
    goal_label: i18n.t("petition.goal", { goal }),
  };
}

export async function listPetitions(deps: Deps, publicUrl: URL) {
  const campaigns = await listPublicCampaigns(deps.db);
  const counts = await readCounts(
    deps.db,
    campaigns.map((c) => c.id),
  );
  return campaigns.map((c) => {
    const total = counts.get(c.id) ?? 0;
    return {
      slug: c.slug,
      title: c.title,
      status: c.status,
      target: c.target_name,
      total_signatures: total,
      goal: goalFor(total, c.goal),
      url: new URL(`/campaigns/${c.slug}`, publicUrl).toString(),
    };
  });
}

export async function getPetition(deps: Deps, slug: string, publicUrl: URL, i18n: I18n) {
  const { campaign, total_signatures, goal, updated_at } = await getCount(deps, slug, i18n);
  const byCountry = await readCountryCounts(deps.db, campaign.id);
  const full = await deps.db
    .selectFrom("campaigns")
    .select(["summary", "demand", "target_name", "deadline"])
    .where("id", "=", campaign.id)
    .executeTakeFirstOrThrow();
  return {
    slug: campaign.slug,
    title: campaign.title,
    summary: full.summary,
    demand: full.demand,
    status: campaign.status,
    target: full.target_name,
    deadline: full.deadline,
    total_signatures,
    goal,
    updated_at,
    url: new URL(`/campaigns/${campaign.slug}`, publicUrl).toString(),
    signatures_by_country: byCountry.map((r) => ({
      code: r.country,
      name: i18n.countryName(r.country),
      count: r.total,
    })),
  };
}
