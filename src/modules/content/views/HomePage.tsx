import type { ComponentChildren } from "preact";
import { usePage } from "../../../views/context.ts";
import { Markdown } from "../../../views/Markdown.tsx";
import type { CampaignSummary } from "../../campaigns/campaigns.repo.ts";
import { CampaignCard } from "../../campaigns/views/CampaignCard.tsx";
import type { PublicEvent } from "../../events/events.repo.ts";
import { EventCard } from "../../events/views/EventCard.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { PublicStory } from "../../stories/stories.repo.ts";
import { StoryCard } from "../../stories/views/StoryCard.tsx";
import type { ContentPageView, Figure } from "../content.service.ts";
import type { HomeBlock } from "../home-layout.ts";
import type { TakeActionItem } from "../take-action.repo.ts";
import { Figures } from "./Figures.tsx";
import { itemHref } from "./TakeActionPage.tsx";

export interface HomePageProps {
  /** The blocks campaigners chose to show after the message, in their order. */
  blocks: HomeBlock[];
  intro: ContentPageView;
  figures: Figure[];
  campaigns: (CampaignSummary & { total: number })[];
  /** The newest published stories. */
  stories: PublicStory[];
  /** The soonest upcoming events. */
  events: PublicEvent[];
  /** The first ways to help of the take-action hub. */
  actions: TakeActionItem[];
}

function Section({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section class={`home-${id}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

export function HomePage({ blocks, intro, figures, campaigns, stories, events, actions }: HomePageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  const block: Record<HomeBlock, () => ComponentChildren> = {
    figures: () => <Figures figures={figures} />,
    campaigns: () =>
      campaigns.length > 0 ? (
        <section class="featured" aria-labelledby="featured-heading">
          <h2 id="featured-heading">{t("home.featuredHeading")}</h2>
          <div class="card-grid">
            {campaigns.map((c) => (
              <CampaignCard key={c.id} campaign={c} />
            ))}
          </div>
        </section>
      ) : null,
    stories: () =>
      stories.length > 0 ? (
        <Section id="stories" heading={t("home.storiesHeading")}>
          <div class="card-grid">
            {stories.map((s) => (
              <StoryCard key={s.id} story={s} headingLevel={3} />
            ))}
          </div>
          <p>
            <a href={at("/stories")}>{t("stories.all")}</a>
          </p>
        </Section>
      ) : null,
    events: () =>
      events.length > 0 ? (
        <Section id="events" heading={t("home.eventsHeading")}>
          <ol class="event-list">
            {events.map((e) => (
              <EventCard key={e.id} event={e} headingLevel={3} />
            ))}
          </ol>
          <p>
            <a href={at("/events")}>{t("home.allEvents")}</a>
          </p>
        </Section>
      ) : null,
    "take-action": () =>
      actions.length > 0 ? (
        <Section id="actions" heading={t("home.actionsHeading")}>
          <ul
            class="action-list"
            lang={actions[0] && actions[0].locale !== i18n.locale ? actions[0].locale : undefined}
          >
            {actions.map((item) => (
              <li key={item.id} class="action-card">
                <h3 class="action-card__title">{item.title}</h3>
                <p>{item.text}</p>
                <p>
                  <a
                    href={itemHref(i18n.locale, item.link)}
                    {...(item.link.startsWith("/") ? {} : { rel: "noopener noreferrer" })}
                  >
                    {item.link_label}
                  </a>
                </p>
              </li>
            ))}
          </ul>
          <p>
            <a href={at("/take-action")}>{t("home.allActions")}</a>
          </p>
        </Section>
      ) : null,
    join: () => (
      <section class="join-call" aria-labelledby="join-heading">
        <h2 id="join-heading">{t("home.joinHeading")}</h2>
        <p>{t("home.joinText")}</p>
        <p>
          <a class="button" href={at("/join")}>
            {t("home.joinButton")}
          </a>
        </p>
      </section>
    ),
  };
  return (
    <div class="home">
      <section class="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">{intro.title}</h1>
        {intro.summary ? <p class="lead">{intro.summary}</p> : null}
        <Markdown html={intro.body} />
        <p class="hero__actions">
          <a class="button" href={at("/campaigns")}>
            {t("home.seeCampaigns")}
          </a>
          <a class="button button--secondary" href={at("/take-action")}>
            {t("home.takeAction")}
          </a>
        </p>
      </section>
      {blocks.map((b) => {
        const shown = block[b]();
        return shown ? (
          <div key={b} class="home__block" data-block={b}>
            {shown}
          </div>
        ) : null;
      })}
    </div>
  );
}
