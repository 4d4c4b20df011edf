import { usePage } from "../../../views/context.ts";
import { Markdown } from "../../../views/Markdown.tsx";
import type { CampaignSummary } from "../../campaigns/campaigns.repo.ts";
import { CampaignCard } from "../../campaigns/views/CampaignCard.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicStory } from "../../stories/stories.repo.ts";
import { StoryCard } from "../../stories/views/StoryCard.tsx";
import type { ContentPageView, Figure } from "../content.service.ts";
import { Figures } from "./Figures.tsx";

export interface HomePageProps {
  intro: ContentPageView;
  figures: Figure[];
  campaigns: (CampaignSummary & { total: number })[];
  /** The newest published stories. */
  stories: PublicStory[];
}

export function HomePage({ intro, figures, campaigns, stories }: HomePageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="home">
      <section class="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">{intro.title}</h1>
        {intro.summary ? <p class="lead">{intro.summary}</p> : null}
        <Markdown html={intro.body} />
        <p class="hero__actions">
          <a class="button" href={localisedPath(i18n.locale, "/campaigns")}>
            {t("home.seeCampaigns")}
          </a>
          <a class="button button--secondary" href={localisedPath(i18n.locale, "/take-action")}>
            {t("home.takeAction")}
          </a>
        </p>
      </section>
      <Figures figures={figures} />
      {campaigns.length > 0 ? (
        <section class="featured" aria-labelledby="featured-heading">
          <h2 id="featured-heading">{t("home.featuredHeading")}</h2>
          <div class="card-grid">
            {campaigns.map((c) => (
              <CampaignCard key={c.id} campaign={c} />
            ))}
          </div>
        </section>
      ) : null}
      {stories.length > 0 ? (
        <section class="home-stories" aria-labelledby="stories-heading">
          <h2 id="stories-heading">{t("home.storiesHeading")}</h2>
          <div class="card-grid">
            {stories.map((s) => (
              <StoryCard key={s.id} story={s} headingLevel={3} />
            ))}
          </div>
          <p>
            <a href={localisedPath(i18n.locale, "/stories")}>{t("stories.all")}</a>
          </p>
        </section>
      ) : null}
      <section class="join-call" aria-labelledby="join-heading">
        <h2 id="join-heading">{t("home.joinHeading")}</h2>
        <p>{t("home.joinText")}</p>
        <p>
          <a class="button" href={localisedPath(i18n.locale, "/join")}>
            {t("home.joinButton")}
          </a>
        </p>
      </section>
    </div>
  );
}
