import { usePage } from "../../../views/context.ts";
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
  const named = countries.map((code) => ({ code, name: i18n.countryName(code) }));
  named.sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
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
        <div class="field">
          <label for="filter-country">{t("events.filter.country")}</label>
          <select id="filter-country" name="country">
            <option value="">{t("events.filter.anyCountry")}</option>
            {named.map((c) => (
              <option key={c.code} value={c.code} selected={c.code === filters.country}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-mode">{t("events.filter.mode")}</label>
          <select id="filter-mode" name="mode">
            <option value="">{t("events.filter.anyMode")}</option>
            <option value="in-person" selected={filters.mode === "in-person"}>
              {t("events.inPerson")}
            </option>
            <option value="online" selected={filters.mode === "online"}>
              {t("events.online")}
            </option>
          </select>
        </div>
        {groups.length > 0 ? (
          <div class="field">
            <label for="filter-group">{t("events.filter.group")}</label>
            <select id="filter-group" name="group">
              <option value="">{t("events.filter.anyGroup")}</option>
              {groups.map((g) => (
                <option key={g.slug} value={g.slug} selected={g.slug === filters.group}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
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
