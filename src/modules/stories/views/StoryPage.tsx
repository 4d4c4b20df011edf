import { usePage } from "../../../views/context.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicStory } from "../stories.repo.ts";
import { StoryByline } from "./StoryCard.tsx";
import { StoryPhoto } from "./StoryPhoto.tsx";

/** A published story: plain text in paragraphs, escaped like everything the public writes. */
export function StoryPage({ story }: { story: PublicStory }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const paragraphs = story.body.split("\n\n");
  return (
    <article class="page story" lang={story.locale === i18n.locale ? undefined : story.locale}>
      <h1 dir="auto">{story.title}</h1>
      <p class="story__byline">
        <StoryByline story={story} />
      </p>
      <StoryPhoto story={story} eager />
      {paragraphs.map((p, i) => (
        <p key={i} dir="auto" class="story__paragraph">
          {p}
        </p>
      ))}
      <p>
        <a href={localisedPath(i18n.locale, "/stories")}>{t("stories.all")}</a>
        {" · "}
        <a href={localisedPath(i18n.locale, "/stories/new")}>{t("stories.share")}</a>
      </p>
    </article>
  );
}
