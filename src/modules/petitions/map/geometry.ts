import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon } from "geojson";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from "topojson-specification";
import { CompactPathContext } from "./compact-path.ts";

type CountryGeometry = (Polygon | MultiPolygon) & { id?: string; properties?: { name?: string } };
type WorldTopology = Topology<{ countries: GeometryCollection<{ name?: string }> }>;

/** One country (or a territory without a code of its own) as drawn at one width. */
export interface ProjectedCountry {
  /** ISO 3166-1 alpha-2, or null for a shape no code could be found for (drawn as no data). */
  code: string | null;
  /** Path data, coordinates rounded to one decimal. */
  d: string;
}

export interface ProjectedWorld {
  width: number;
  height: number;
  countries: readonly ProjectedCountry[];
  /** Where a place (degrees) falls on this drawing, or null if the projection cannot place it. */
  point(longitude: number, latitude: number): readonly [number, number] | null;
}

/**
 * Natural Earth shapes in world-atlas that ISO 3166-1 gives no numeric code. Kosovo takes the
 * user-assigned XK, as Intl.DisplayNames, the EU and most country pickers do; Somaliland and
 * Northern Cyprus are drawn as part of Somalia and Cyprus, the ISO countries they lie in, so
 * signatures recorded under SO and CY colour the whole of each.
 */
const CODES_BY_NAME: Readonly<Record<string, string>> = { Kosovo: "XK", Somaliland: "SO", "N. Cyprus": "CY" };

/** Antarctica is left out: nobody signs from there, and it would take a sixth of the height. */
const LEFT_OUT = new Set(["AQ"]);

const require = createRequire(import.meta.url);

interface Source {
  topology: WorldTopology;
  /** Shapes grouped by alpha-2 code, in code order; unmatched shapes last, one group each. */
  groups: { code: string | null; geometries: CountryGeometry[] }[];
}

let source: Source | undefined;

function loadSource(): Source {
  if (source) return source;
  // Read on first use, not at import: pages that never draw a map never parse the atlas.
  const topology = JSON.parse(
    readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"),
  ) as WorldTopology;
  const isoCodes = JSON.parse(readFileSync(require.resolve("i18n-iso-countries/codes.json"), "utf8")) as string[][];
  const alpha2ByNumeric = new Map<string, string>();
  for (const [alpha2, , numeric] of isoCodes) if (alpha2 && numeric) alpha2ByNumeric.set(numeric, alpha2);

  const byCode = new Map<string, CountryGeometry[]>();
  const unmatched: CountryGeometry[] = [];
  for (const geometry of topology.objects.countries.geometries) {
    if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") continue;
    const g = geometry as CountryGeometry;
    // world-atlas ids are zero-padded strings ("004"); a few shapes have none.
    const code =
      (g.id === undefined ? undefined : alpha2ByNumeric.get(String(g.id).padStart(3, "0"))) ??
      CODES_BY_NAME[g.properties?.name ?? ""];
    if (code && LEFT_OUT.has(code)) continue;
    if (!code) {
      unmatched.push(g);
      continue;
    }
    const list = byCode.get(code);
    if (list) list.push(g);
    else byCode.set(code, [g]);
  }
  const groups: Source["groups"] = [...byCode.keys()]
    .sort()
    .map((code) => ({ code, geometries: byCode.get(code) ?? [] }));
  for (const g of unmatched) groups.push({ code: null, geometries: [g] });
  source = { topology, groups };
  return source;
}

let codes: ReadonlySet<string> | undefined;

/** The alpha-2 codes drawn on the map, in order. */
export function mapCountryCodes(): ReadonlySet<string> {
  codes ??= new Set(loadSource().groups.flatMap((g) => (g.code ? [g.code] : [])));
  return codes;
}

const MARGIN = 1;

function project(width: number): ProjectedWorld {
  const { topology, groups } = loadSource();
  const shapes = groups.map(({ code, geometries }) => {
    // Several shapes under one code are merged, so no border is drawn between them.
    const geometry: GeoPolygon | GeoMultiPolygon =
      geometries.length === 1 && geometries[0]
        ? (feature(topology, geometries[0]) as Feature<GeoPolygon | GeoMultiPolygon>).geometry
        : merge(topology, geometries);
    return { code, geometry };
  });
  const collection = { type: "GeometryCollection" as const, geometries: shapes.map((s) => s.geometry) };
  // A margin of one unit keeps the outermost borders' strokes inside the viewBox.
  const projection = geoEqualEarth().fitWidth(width - 2 * MARGIN, collection);
  const [tx, ty] = projection.translate();
  projection.translate([tx + MARGIN, ty + MARGIN]);
  const context = new CompactPathContext();
  const path = geoPath(projection, context);
  const height = Math.ceil(geoPath(projection).bounds(collection)[1][1] + MARGIN);
  const countries: ProjectedCountry[] = [];
  for (const { code, geometry } of shapes) {
    path(geometry);
    const d = context.result();
    if (d) countries.push({ code, d });
  }
  const point = (longitude: number, latitude: number) => {
    const xy = projection([longitude, latitude]);
    return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? ([xy[0], xy[1]] as const) : null;
  };
  return { width, height, countries, point };
}

const MAX_CACHED_WIDTHS = 4;
const cache = new Map<number, ProjectedWorld>();

/**
 * The world projected (Equal Earth) to fit `width`, computed once per width and kept: a
 * few widths at most, the least recently added dropped first.
 */
export function projectedWorld(width: number): ProjectedWorld {
  const hit = cache.get(width);
  if (hit) return hit;
  const world = project(width);
  if (cache.size >= MAX_CACHED_WIDTHS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(width, world);
  return world;
}
