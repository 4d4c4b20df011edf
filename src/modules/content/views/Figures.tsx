import { usePage } from "../../../views/context.ts";
import type { I18n } from "../../i18n/i18n.ts";
import type { Figure } from "../content.service.ts";

/** A figure's value in its style: 22 million, 87%, 1,234. */
export function formatFigureValue(i18n: I18n, figure: Pick<Figure, "value" | "style">): string {
  switch (figure.style) {
    case "percent":
      return i18n.formatNumber(figure.value, { style: "percent", maximumFractionDigits: 1 });
    case "compact":
      return i18n.formatNumber(figure.value, { notation: "compact", compactDisplay: "long", maximumFractionDigits: 1 });
    default:
      return i18n.formatNumber(figure.value);
  }
}

/** "As of" dates are kept as YYYY, YYYY-MM or YYYY-MM-DD; each is shown as precisely as it was given. */
function formatAsOf(i18n: I18n, asOf: string): string {
  const [year, month, day] = asOf.split("-");
  const date = `${year}-${month ?? "01"}-${day ?? "01"}`;
  if (!month) return i18n.formatDate(date, { year: "numeric" });
  return i18n.formatDate(date, day ? { dateStyle: "long" } : { year: "numeric", month: "long" });
}

/** "Source: UNHCR, August 2017": the source, and its date as precisely as it was given. */
export function figureSource(i18n: I18n, figure: Pick<Figure, "source" | "asOf">): string {
  return figure.asOf
    ? i18n.t("home.figureSourceDated", { source: figure.source, date: formatAsOf(i18n, figure.asOf) })
    : i18n.t("home.figureSource", { source: figure.source });
}

export function Figures({ figures }: { figures: Figure[] }) {
  const { i18n } = usePage();
  if (figures.length === 0) return null;
  return (
    <section class="figures" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{i18n.t("home.figuresHeading")}</h2>
      <ul class="figures__list">
        {figures.map((f) => (
          <li key={f.id} class="figure">
            <p class="figure__value">{formatFigureValue(i18n, f)}</p>
            <p class="figure__label">{f.label}</p>
            <p class="figure__source">
              {f.sourceUrl?.startsWith("https://") ? (
                <a href={f.sourceUrl} rel="noopener noreferrer">
                  {figureSource(i18n, f)}
                </a>
              ) : (
                figureSource(i18n, f)
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
