import { usePage } from "../../../views/context.ts";
import { localisedPath } from "../../i18n/locales.ts";

export interface SignatureCountProps {
  slug: string;
  total: number;
  goal: number;
  /** Whether the page should keep it up to date while open (open campaigns). */
  live: boolean;
}

/**
 * "N signatures" and the progress bar towards the goal. The client script keeps both
 * current while the page is open, and says the new count to screen readers now and then
 * through the polite live region, without moving focus.
 */
export function SignatureCount({ slug, total, goal, live }: SignatureCountProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const base = localisedPath(i18n.locale, `/campaigns/${slug}`);
  return (
    <section
      class="signature-count"
      aria-labelledby="signature-count-total"
      data-live-count={live ? `${base}/count.json` : undefined}
      data-live-events={live ? `${base}/live` : undefined}
    >
      <p class="signature-count__total" id="signature-count-total" data-count-label>
        {t("petition.count", { count: total })}
      </p>
      <progress
        class="signature-count__bar"
        max={goal}
        value={Math.min(total, goal)}
        aria-labelledby="signature-count-goal"
        data-count-bar
      />
      <p class="signature-count__goal" id="signature-count-goal" data-count-goal>
        {t("petition.goal", { goal })}
      </p>
      <p class="visually-hidden" aria-live="polite" data-count-announce />
    </section>
  );
}
