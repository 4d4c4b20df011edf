import { usePage } from "../../../views/context.ts";
import { CountryFilter, FilterSelect } from "../../../views/FilterSelect.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { EventFilters, PublicEvent } from "../events.repo.ts";
import { EventCard } from "./EventCard.tsx";

export function EventsPage({
  events,
  countries,
  groups = [],
  filters,
}: {
  events: PublicEvent[];
  countries: string[];
  /** The groups that run an upcoming event, to filter by. */
  groups?: { slug: string; name: string }[];
  filters: EventFilters;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <div class="page events">
      <h1>{t("events.heading")}</h1>
      <p class="lead">{t("events.intro")}</p>
      <p>
        <a class="button button--secondary" href={at("/events/new")}>
          {t("events.hostLink")}
        </a>
      </p>
      <form method="get" action={at("/events")} class="events-filter" aria-label={t("events.filter.label")}>
        <CountryFilter id="filter-country" countries={countries} selected={filters.country} />
        <FilterSelect
          id="filter-mode"
          name="mode"
          label={t("events.filter.mode")}
          anyLabel={t("events.filter.anyMode")}
          options={[
            { value: "in-person", label: t("events.inPerson") },
            { value: "online", label: t("events.online") },
          ]}
          selected={filters.mode}
        />
        {groups.length > 0 ? (
          <FilterSelect
            id="filter-group"
            name="group"
            label={t("events.filter.group")}
            anyLabel={t("events.filter.anyGroup")}
            options={groups.map((g) => ({ value: g.slug, label: g.name }))}
            selected={filters.group ?? null}
          />
        ) : null}
        <button type="submit" class="button">
          {t("events.filter.submit")}
        </button>
      </form>
      {events.length === 0 ? (
        <p>{t("events.none")}</p>
      ) : (
        <ol class="event-list">
          {events.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </ol>
      )}
      <p>
        <a href="/events.ics">{t("events.feed")}</a>
      </p>
    </div>
  );
}
