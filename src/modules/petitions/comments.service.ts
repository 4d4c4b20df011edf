import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { findPublicCampaign } from "../campaigns/campaigns.repo.ts";
import { inLanguage } from "../campaigns/translations.repo.ts";
import { SLUG } from "../content/slug.ts";
import { approvedComments, countApprovedComments, type PublicComment } from "./comments.ts";

/** How many comments the campaign page shows before linking to the rest. */
export const COMMENTS_ON_CAMPAIGN_PAGE = 5;
/** How many comments a page of "Why people signed" shows. */
export const COMMENTS_PER_PAGE = 20;

export interface CommentsPreview {
  comments: PublicComment[];
  total: number;
}

/** The newest few approved comments for the campaign page, and how many there are in all. */
export async function getCommentsPreview(deps: Pick<Deps, "db">, campaignId: number): Promise<CommentsPreview> {
  const [comments, total] = await Promise.all([
    approvedComments(deps.db, campaignId, { limit: COMMENTS_ON_CAMPAIGN_PAGE, offset: 0 }),
    countApprovedComments(deps.db, campaignId),
  ]);
  return { comments, total };
}

/** One page of every approved comment on a public campaign, newest first; a page past the end is not found. */
export async function getCommentsPage(deps: Pick<Deps, "db">, slug: string, locale: string, pageParam: unknown) {
  if (!SLUG.test(slug) || slug.length > 120) throw new NotFoundError();
  const page = pageParam === undefined ? 1 : Number(pageParam);
  if (!Number.isSafeInteger(page) || page < 1) throw new NotFoundError();
  const found = await findPublicCampaign(deps.db, slug);
  if (!found) throw new NotFoundError();
  const [campaign = found] = await inLanguage(deps.db, [found], locale);
  const total = await countApprovedComments(deps.db, campaign.id);
  const pages = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE));
  if (page > pages) throw new NotFoundError();
  const comments = await approvedComments(deps.db, campaign.id, {
    limit: COMMENTS_PER_PAGE,
    offset: (page - 1) * COMMENTS_PER_PAGE,
  });
  return { campaign: { slug: campaign.slug, title: campaign.title, locale: campaign.locale }, comments, page, pages };
}
