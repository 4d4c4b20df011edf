import { usePage } from "../../../views/context.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicStory } from "../stories.repo.ts";
import { StoryCard } from "./StoryCard.tsx";

export function StoriesPage({ stories, page, pages }: { stories: PublicStory[]; page: number; pages: number }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (p: number) => `${localisedPath(i18n.locale, "/stories")}${p > 1 ? `?page=${p}` : ""}`;
  return (
    <div class="page stories">
      <h1>{t("stories.heading")}</h1>
      <p class="lead">{t("stories.intro")}</p>
      <p>
        <a class="button" href={localisedPath(i18n.locale, "/stories/new")}>
          {t("stories.share")}
        </a>
      </p>
      {stories.length === 0 ? (
        <p>{t("stories.none")}</p>
      ) : (
        <div class="card-grid">
          {stories.map((s) => (
            <StoryCard key={s.id} story={s} />
          ))}
        </div>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label={t("stories.pages")}>
          {page > 1 ? (
            <a href={at(page - 1)} rel="prev">
              {t("stories.newer")}
            </a>
          ) : null}
          <span>{t("stories.pageOf", { page, pages })}</span>
          {page < pages ? (
            <a href={at(page + 1)} rel="next">
              {t("stories.older")}
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
