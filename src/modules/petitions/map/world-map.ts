/**
 * A world map of signatures by country, drawn on the server as an SVG string: no tile
 * server, no network, no script. Shapes come from world-atlas (Natural Earth, 1:110m),
 * projected with Equal Earth once per width and kept; each call only picks fills, so a
 * call costs a few hundred microseconds.
 *
 * The map is one picture (role="img") named by its title and described by its desc; the
 * country shapes inside are not read out. Show the same numbers in a table beside it: that
 * table, not the map, is what a screen reader or a keyboard gets.
 *
 * No legend is drawn in the SVG: call mapScale(counts) for its steps and draw it in HTML,
 * where its words go through the message catalogs and its numbers are formatted.
 *
 * Fills are literal colours, so the SVG works alone (in a file, a feed, an e-mail). Each
 * shape also carries a class per colour (wm-b0 for no data, wm-b1 … wm-b5 light to dark),
 * and CSS rules beat presentation attributes, so a stylesheet can restyle the map:
 * `.world-map .wm-b5 { fill: var(--map-5) }`. No inline style is used (none is needed under
 * a strict Content-Security-Policy).
 */
import { projectedWorld } from "./geometry.ts";
import { bucketFor, type CountryCounts, countsOnMap, type MapScale, scaleOf } from "./scale.ts";

export { mapCountryCodes } from "./geometry.ts";
export type { CountryCounts, MapBucket, MapScale } from "./scale.ts";
export { mapScale, NO_DATA_CLASS, NO_DATA_FILL, SCALE_FILLS } from "./scale.ts";

export interface WorldMapLabels {
  /** The map's accessible name, e.g. "Signatures by country". */
  title: string;
  /** A sentence saying what the map shows and where the same numbers are in words. */
  description: string;
}

export interface WorldMapOptions {
  /**
   * Width of the drawing in SVG units (default 960, kept between 320 and 1920). The SVG has
   * only a viewBox, so CSS decides how big it shows; width sets the coordinates' precision.
   * Each width used is projected once and kept (four at most), so use one or two fixed values.
   */
  width?: number;
  /** Start of the ids of the title and desc, for a page that shows the same map twice. */
  idPrefix?: string;
  /** The country's name in the reader's language (e.g. Intl.DisplayNames); adds a hover title. */
  countryName?: (code: string) => string;
  /** Formats a count for the hover title (default: plain digits). */
  formatCount?: (n: number) => string;
  /**
   * The whole hover title for a country with signatures, for languages where
   * "{name}: {count}" is wrong; takes precedence over countryName and formatCount.
   */
  countryLabel?: (code: string, count: number) => string;
  /** Places to mark with a dot over the countries (e.g. local groups), each with a hover title. */
  markers?: readonly MapMarker[];
}

/** A place marked on the map: degrees, and its name for the hover title. */
export interface MapMarker {
  longitude: number;
  latitude: number;
  label: string;
}

export const DEFAULT_MAP_WIDTH = 960;
const MIN_WIDTH = 320;
const MAX_WIDTH = 1920;

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for XML content and quoted attributes, and drops what XML cannot hold:
 * control characters other than tab and line breaks, U+FFFE/U+FFFF and lone surrogates.
 */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gv, "")
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)
  );
}

function mapWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return DEFAULT_MAP_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));
}

/** FNV-1a: a short, stable id from the labels, so the same input always gives the same SVG. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function idPrefix(given: string | undefined, labels: WorldMapLabels): string {
  const clean = given?.replace(/[^A-Za-z0-9_-]/g, "-");
  if (clean) return /^[A-Za-z]/.test(clean) ? clean : `map-${clean}`;
  return `world-map-${hash(`${labels.title}\u0000${labels.description}`)}`;
}

// Shapes as drawn at one width, with everything but the fill written out once.
const tails = new WeakMap<object, { code: string | null; tail: string }[]>();

function shapeTails(width: number) {
  const world = projectedWorld(width);
  let list = tails.get(world);
  if (!list) {
    // join() gives flat strings; a rope of thousands of small pieces would be walked again on every call.
    list = world.countries.map(({ code, d }) => ({
      code,
      tail: [code ? ` data-country="${code}"` : "", ' d="', d, '"'].join(""),
    }));
    tails.set(world, list);
  }
  return { world, list };
}

/**
 * Draws the world with each country shaded by its count of signatures. `counts` is keyed by
 * ISO 3166-1 alpha-2 code (Kosovo is XK); codes not on the map are ignored, as are counts
 * that are not positive numbers. The same input always gives the same string.
 */
export function renderWorldMap(counts: CountryCounts, labels: WorldMapLabels, options: WorldMapOptions = {}): string {
  const onMap = countsOnMap(counts);
  const scale: MapScale = scaleOf(onMap);
  const { world, list } = shapeTails(mapWidth(options.width));
  const id = idPrefix(options.idPrefix, labels);
  const { countryName, countryLabel } = options;
  const formatCount = options.formatCount ?? String;
  const noData = `<path class="${scale.noData.className}" fill="${scale.noData.fill}"`;

  // Parts joined once: a flat string, where += would leave a rope that costs more to write out.
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="0 0 ${world.width} ${world.height}"` +
      ` role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc">` +
      `<title id="${id}-title">${escapeXml(labels.title)}</title>` +
      `<desc id="${id}-desc">${escapeXml(labels.description)}</desc>` +
      `<g stroke="#fff" stroke-width="0.5" stroke-linejoin="round">`,
  ];
  for (const { code, tail } of list) {
    const count = code === null ? undefined : onMap.get(code);
    const bucket = bucketFor(scale, count);
    if (!bucket || code === null || count === undefined) {
      parts.push(noData, tail, "/>");
      continue;
    }
    parts.push(`<path class="${bucket.className}" fill="${bucket.fill}"`, tail);
    const label = countryLabel
      ? countryLabel(code, count)
      : countryName
        ? `${countryName(code)}: ${formatCount(count)}`
        : undefined;
    parts.push(label === undefined ? "/>" : `><title>${escapeXml(label)}</title></path>`);
  }
  parts.push("</g>");
  const markers = (options.markers ?? []).flatMap((m) => {
    const xy = world.point(m.longitude, m.latitude);
    return xy ? [{ xy, label: m.label }] : [];
  });
  if (markers.length > 0) {
    parts.push('<g class="wm-markers" fill="#111" stroke="#fff" stroke-width="1.5">');
    for (const { xy, label } of markers) {
      parts.push(
        `<circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="5"><title>${escapeXml(label)}</title></circle>`,
      );
    }
    parts.push("</g>");
  }
  parts.push("</svg>");
  return parts.join("");
}
