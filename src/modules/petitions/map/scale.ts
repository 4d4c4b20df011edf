import { mapCountryCodes } from "./geometry.ts";

/** Signatures by ISO 3166-1 alpha-2 code, as a Map or a plain object. */
export type CountryCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * Countries with no signatures (or no data): a light grey, lighter than every step of the
 * scale (CIE L* 90 against the first step's 86), so more signatures always means darker.
 */
export const NO_DATA_FILL = "#e3e3e3";

/**
 * The sequential scale, light to dark: the movement's yellow (#ffd400), amber, orange-brown,
 * brown, near-black (CIE L* 86, 73, 55, 33, 10). Each step is clearly darker than the one
 * before, so it reads in greyscale and with red-green colour blindness too.
 */
export const SCALE_FILLS = ["#ffd400", "#f0a500", "#c06f00", "#7a3e00", "#2e1600"] as const;

/** The class on a country drawn with SCALE_FILLS[i] is `wm-b${i + 1}`; no data is `wm-b0`. */
export const NO_DATA_CLASS = "wm-b0";

export interface MapBucket {
  /** Smallest count in this step (inclusive). */
  min: number;
  /** Largest count in this step (inclusive); the last step's is the largest count on the map. */
  max: number;
  fill: string;
  /** Stable per colour, for a stylesheet to restyle: `.world-map .wm-b3 { fill: … }`. */
  className: string;
}

export interface MapScale {
  /** Steps from fewest to most signatures; empty when no country on the map has any. */
  buckets: MapBucket[];
  noData: { fill: string; className: string };
}

/**
 * The counts the map can show: upper-cased codes of countries on the map, with a positive,
 * finite count. Codes the map does not draw ("ZZ", "AQ") are dropped, so they never stretch
 * the scale.
 */
export function countsOnMap(counts: CountryCounts): Map<string, number> {
  const onMap = mapCountryCodes();
  const out = new Map<string, number>();
  const entries = counts instanceof Map ? counts.entries() : Object.entries(counts);
  for (const [key, value] of entries as Iterable<[string, number]>) {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) continue;
    const code = String(key).toUpperCase();
    if (!onMap.has(code)) continue;
    out.set(code, (out.get(code) ?? 0) + value);
  }
  return out;
}

const STEPS = SCALE_FILLS.length;

/** The nearest of 1, 2, 5, 10, 20, 50… to `x`, measured on a log scale. */
function nice(x: number): number {
  const decade = 10 ** Math.floor(Math.log10(x));
  let best = decade;
  for (const m of [2, 5, 10]) {
    if (Math.abs(Math.log(m * decade) - Math.log(x)) < Math.abs(Math.log(best) - Math.log(x))) best = m * decade;
  }
  return best;
}

/**
 * Lower bounds of each step. Up to five counts, one step per count; above that, five steps
 * evenly spaced on a log scale between 1 and the largest count, rounded to 1-2-5 numbers
 * (so a legend reads "1–4, 5–19, 20–49, 50–199, 200–1,234").
 */
function lowerBounds(max: number): number[] {
  if (max < 1) return [];
  if (max <= STEPS) return Array.from({ length: Math.floor(max) }, (_, i) => i + 1);
  const bounds: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const b = i === 0 ? 1 : nice(max ** (i / STEPS));
    if (b <= max && b > (bounds.at(-1) ?? 0)) bounds.push(b);
  }
  return bounds;
}

/** Which SCALE_FILLS colour step i of n takes: spread from light to dark, one step alone in the middle. */
function paletteIndex(i: number, n: number): number {
  return n === 1 ? Math.floor(STEPS / 2) : Math.round((i * (STEPS - 1)) / (n - 1));
}

/** The scale for counts already passed through countsOnMap. */
export function scaleOf(onMap: ReadonlyMap<string, number>): MapScale {
  let max = 0;
  for (const n of onMap.values()) if (n > max) max = n;
  const bounds = lowerBounds(max);
  const buckets = bounds.map((min, i): MapBucket => {
    const p = paletteIndex(i, bounds.length);
    const next = bounds[i + 1];
    return {
      min,
      max: next === undefined ? max : next - 1,
      fill: SCALE_FILLS[p] ?? NO_DATA_FILL,
      className: `wm-b${p + 1}`,
    };
  });
  return { buckets, noData: { fill: NO_DATA_FILL, className: NO_DATA_CLASS } };
}

/** The step a count falls in, or undefined for none (zero or no data). */
export function bucketFor(scale: MapScale, count: number | undefined): MapBucket | undefined {
  if (count === undefined || !(count > 0)) return undefined;
  const { buckets } = scale;
  for (let i = buckets.length - 1; i > 0; i--) {
    const b = buckets[i];
    if (b && count >= b.min) return b;
  }
  return buckets[0];
}

/**
 * The legend for a map of these counts: its steps (from fewest signatures to most) and the
 * fill of countries with none. renderWorldMap draws no legend; the page draws this one in
 * HTML, where its words can be translated and its numbers formatted.
 */
export function mapScale(counts: CountryCounts): MapScale {
  return scaleOf(countsOnMap(counts));
}
