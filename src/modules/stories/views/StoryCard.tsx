import { usePage } from "../../../views/context.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicStory } from "../stories.repo.ts";
import { StoryPhoto } from "./StoryPhoto.tsx";

/** The first words of a story, cut at a word. */
function opening(body: string, max = 220): string {
  const first = body.split("\n\n")[0] ?? body;
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

/** One story in a list: its photo, title, teller and opening words. */
export function StoryCard({ story, headingLevel = 2 }: { story: PublicStory; headingLevel?: 2 | 3 }) {
  const { i18n } = usePage();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article class="story-card" lang={story.locale === i18n.locale ? undefined : story.locale}>
      <StoryPhoto story={story} sizes="(min-width: 40rem) 20rem, 100vw" />
      <Heading class="story-card__title" dir="auto">
        <a href={localisedPath(i18n.locale, `/stories/${story.slug}`)}>{story.title}</a>
      </Heading>
      <p class="story-card__byline">
        <StoryByline story={story} />
      </p>
      <p dir="auto">{opening(story.body)}</p>
    </article>
  );
}

/** Who told it (as they chose) and when it was published. */
export function StoryByline({ story }: { story: PublicStory }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const date = i18n.formatDate(story.published_at);
  return (
    <>
      {story.author_name === ""
        ? t("stories.byline.anonymous", { date })
        : t("stories.byline", { name: story.author_name, date })}
    </>
  );
}
