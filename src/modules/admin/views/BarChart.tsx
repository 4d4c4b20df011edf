import { usePage } from "../../../views/context.ts";

export interface ChartBar {
  /** The hour or day, as people read it. */
  label: string;
  /** Signatures received in it (pending and confirmed). */
  received: number;
  confirmed: number;
}

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 16, right: 8, bottom: 28, left: 48 };

/**
 * Signatures over time as bars, drawn on the server: received (light) with the confirmed part
 * (dark) in front. The SVG has a title and a description; the same numbers follow in a table
 * inside a <details>, for screen readers and anyone who prefers a table.
 */
export function BarChart({
  id,
  title,
  description,
  bars,
  timeHeading,
}: {
  id: string;
  title: string;
  description: string;
  bars: ChartBar[];
  timeHeading: string;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const most = Math.max(1, ...bars.map((b) => b.received));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(bars.length, 1);
  const gap = step > 4 ? Math.min(2, step * 0.2) : 0;
  const y = (n: number) => PAD.top + plotH - (n / most) * plotH;
  // Time runs left to right in every language; each label is written in the page's own
  // direction (dates in Arabic carry right-to-left marks), so its anchor follows that direction.
  const rtl = i18n.dir === "rtl";
  const growing = (toward: "left" | "right") => ((toward === "right") !== rtl ? "start" : "end");
  const first = bars[0];
  const last = bars.at(-1);
  return (
    <figure class="watch-chart">
      <svg
        class="watch-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line class="watch-chart__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <line class="watch-chart__grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(most)} y2={y(most)} />
        <text
          class="watch-chart__tick"
          x={PAD.left - 6}
          y={y(most) + 4}
          text-anchor={growing("left")}
          direction={i18n.dir}
        >
          {i18n.formatNumber(most)}
        </text>
        <text
          class="watch-chart__tick"
          x={PAD.left - 6}
          y={y(0) + 4}
          text-anchor={growing("left")}
          direction={i18n.dir}
        >
          {i18n.formatNumber(0)}
        </text>
        {bars.map((b, i) => {
          const x = PAD.left + i * step + gap / 2;
          const w = Math.max(step - gap, 0.5);
          return (
            <g key={b.label}>
              {b.received > 0 ? (
                <rect class="watch-chart__received" x={x} y={y(b.received)} width={w} height={y(0) - y(b.received)} />
              ) : null}
              {b.confirmed > 0 ? (
                <rect
                  class="watch-chart__confirmed"
                  x={x}
                  y={y(b.confirmed)}
                  width={w}
                  height={y(0) - y(b.confirmed)}
                />
              ) : null}
            </g>
          );
        })}
        {first ? (
          <text
            class="watch-chart__tick"
            x={PAD.left}
            y={HEIGHT - 8}
            text-anchor={growing("right")}
            direction={i18n.dir}
          >
            {first.label}
          </text>
        ) : null}
        {last && last !== first ? (
          <text
            class="watch-chart__tick"
            x={WIDTH - PAD.right}
            y={HEIGHT - 8}
            text-anchor={growing("left")}
            direction={i18n.dir}
          >
            {last.label}
          </text>
        ) : null}
      </svg>
      <figcaption>
        <ul class="watch-chart__legend">
          <li>
            <span class="watch-chart__swatch watch-chart__swatch--received" aria-hidden="true" />
            {t("admin.watch.legendReceived")}
          </li>
          <li>
            <span class="watch-chart__swatch watch-chart__swatch--confirmed" aria-hidden="true" />
            {t("admin.watch.legendConfirmed")}
          </li>
        </ul>
      </figcaption>
      <details class="watch-chart__data" id={`${id}-data`}>
        <summary>{t("admin.watch.showTable", { title })}</summary>
        <table class="admin-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{timeHeading}</th>
              <th scope="col">{t("admin.watch.received")}</th>
              <th scope="col">{t("admin.watch.confirmed")}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{i18n.formatNumber(b.received)}</td>
                <td>{i18n.formatNumber(b.confirmed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
