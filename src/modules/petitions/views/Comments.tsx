import { usePage } from "../../../views/context.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicComment } from "../comments.ts";
import { COMMENTS_ANCHOR } from "../comments.ts";

/** Approved comments: each in its writer's own direction, with first name, country and date; never more. */
export function CommentList({ comments }: { comments: PublicComment[] }) {
  const { i18n } = usePage();
  return (
    <ul class="comments">
      {comments.map((c) => (
        <li key={c.id} class="comment">
          <blockquote class="comment__text" dir="auto">
            {c.comment}
          </blockquote>
          <p class="comment__byline">
            {i18n.t("petition.comments.byline", {
              name: c.firstName,
              country: i18n.countryName(c.country),
              date: i18n.formatDate(c.at, { dateStyle: "medium" }),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** "Why people signed" on the campaign page: the newest few, and a link to the rest. */
export function WhyPeopleSigned({ slug, comments, total }: { slug: string; comments: PublicComment[]; total: number }) {
  const { i18n } = usePage();
  const t = i18n.t;
  if (comments.length === 0) return null;
  return (
    <section class="why-signed" id={COMMENTS_ANCHOR} aria-labelledby="why-signed-heading">
      <h2 id="why-signed-heading">{t("petition.comments.heading")}</h2>
      <p class="why-signed__note">{t("petition.comments.note")}</p>
      <CommentList comments={comments} />
      {total > comments.length ? (
        <p>
          <a href={localisedPath(i18n.locale, `/campaigns/${slug}/comments`)}>
            {t("petition.comments.more", { count: total })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export interface CommentsPageProps {
  campaign: { slug: string; title: string; locale: string };
  comments: PublicComment[];
  page: number;
  pages: number;
}

/** Every approved comment of a campaign, a page at a time. */
export function CommentsPage({ campaign, comments, page, pages }: CommentsPageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const base = localisedPath(i18n.locale, `/campaigns/${campaign.slug}`);
  const pageUrl = (n: number) => (n === 1 ? `${base}/comments` : `${base}/comments?page=${n}`);
  return (
    <div class="page why-signed">
      <p>
        <a href={base}>{t("petition.comments.back")}</a>
      </p>
      <h1>{t("petition.comments.pageTitle", { title: campaign.title })}</h1>
      <p class="why-signed__note">{t("petition.comments.note")}</p>
      {comments.length === 0 ? <p>{t("petition.comments.none")}</p> : <CommentList comments={comments} />}
      {pages > 1 ? (
        <nav aria-label={t("petition.comments.pages")} class="why-signed__pages">
          {page > 1 ? (
            <a href={pageUrl(page - 1)} rel="prev">
              {t("petition.comments.newer")}
            </a>
          ) : null}
          {page < pages ? (
            <a href={pageUrl(page + 1)} rel="next">
              {t("petition.comments.older")}
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
