import { usePage } from "../../../views/context.ts";
import { CountryFilter } from "../../../views/FilterSelect.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import { renderWorldMap } from "../../petitions/map/world-map.ts";
import { GROUP_LIMITS } from "../group-input.ts";
import type { GroupFilters, PublicGroup } from "../groups.repo.ts";

/**
 * Where the groups are: countries shaded by how many groups they have, and a dot for each
 * group whose organiser chose a point. The list below is the same in words: it is what a
 * screen reader or a keyboard gets, so the map is one picture with a title and description.
 */
export function GroupsMap({ groups }: { groups: PublicGroup[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const counts: Record<string, number> = {};
  for (const g of groups) counts[g.country] = (counts[g.country] ?? 0) + 1;
  const svg = renderWorldMap(
    counts,
    { title: t("groups.map.title"), description: t("groups.map.description", { count: groups.length }) },
    {
      idPrefix: "groups-map",
      countryLabel: (code, count) => t("groups.map.countryLabel", { country: i18n.countryName(code), count }),
      markers: groups.flatMap((g) =>
        g.latitude !== null && g.longitude !== null
          ? [{ latitude: g.latitude, longitude: g.longitude, label: `${g.name}, ${g.town}` }]
          : [],
      ),
    },
  );
  return (
    <figure class="signature-map groups-map">
      {/* Drawn by our own code; every text in it (group names too) is escaped by renderWorldMap. */}
      <div class="signature-map__svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{t("groups.map.caption")}</figcaption>
    </figure>
  );
}

export function GroupsPage({
  groups,
  countries,
  filters,
}: {
  groups: PublicGroup[];
  countries: string[];
  filters: GroupFilters;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  const filtered = filters.q !== null || filters.country !== null || filters.town !== null;
  return (
    <div class="page groups">
      <h1>{t("groups.heading")}</h1>
      <p class="lead">{t("groups.intro")}</p>
      <p>
        <a class="button button--secondary" href={at("/groups/new")}>
          {t("groups.startLink")}
        </a>
      </p>
      <form method="get" action={at("/groups")} class="events-filter" aria-label={t("groups.search.label")}>
        <div class="field">
          <label for="group-q">{t("groups.search.words")}</label>
          <input id="group-q" name="q" type="search" maxLength={GROUP_LIMITS.query} value={filters.q ?? ""} />
        </div>
        <CountryFilter id="group-country" countries={countries} selected={filters.country} />
        <div class="field">
          <label for="group-town">{t("groups.search.town")}</label>
          <input id="group-town" name="town" type="text" maxLength={GROUP_LIMITS.town} value={filters.town ?? ""} />
        </div>
        <button type="submit" class="button" id="group-search">
          {t("groups.search.submit")}
        </button>
      </form>
      <GroupsMap groups={groups} />
      <h2 id="groups-found">{t("groups.found", { count: groups.length })}</h2>
      {groups.length === 0 ? (
        <p>{t(filtered ? "groups.noneFound" : "groups.none")}</p>
      ) : (
        <ul class="group-list" aria-labelledby="groups-found">
          {groups.map((g) => (
            <li key={g.id} class="event-card">
              <h3 class="event-card__title" dir="auto">
                <a href={at(`/groups/${g.slug}`)}>{g.name}</a>
              </h3>
              <p>{t("groups.place", { town: g.town, country: i18n.countryName(g.country) })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
