import { usePage } from "../../../views/context.ts";
import { mapScale, renderWorldMap } from "../map/world-map.ts";

/**
 * The world map of signatures, drawn on the server, with its legend in HTML. The table
 * beside it holds the same numbers for screen readers and anyone who prefers a table.
 */
export function SignatureMap({ rows }: { rows: { country: string; total: number }[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const counts = Object.fromEntries(rows.map((r) => [r.country, r.total]));
  const svg = renderWorldMap(
    counts,
    { title: t("petition.map.title"), description: t("petition.map.description", { countries: rows.length }) },
    {
      countryLabel: (code, count) => t("petition.map.countryLabel", { country: i18n.countryName(code), count }),
    },
  );
  const scale = mapScale(counts);
  return (
    <figure class="signature-map">
      {/* The SVG is drawn by our own code from country codes and numbers; every text in it is escaped. */}
      <div class="signature-map__svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>
        <ul class="signature-map__legend">
          {scale.buckets.map((b) => (
            <li key={b.className}>
              <span class={`signature-map__swatch ${b.className}`} aria-hidden="true" />
              {b.min === b.max
                ? t("petition.map.legendOne", { count: b.min })
                : t("petition.map.legendRange", { min: b.min, max: b.max })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
