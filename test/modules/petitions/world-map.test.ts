import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mapCountryCodes,
  mapScale,
  NO_DATA_FILL,
  renderWorldMap,
  SCALE_FILLS,
} from "../../../src/modules/petitions/map/world-map.ts";

const LABELS = { title: "Signatures by country", description: "The table below gives the same numbers." };

interface Element {
  name: string;
  attributes: Map<string, string>;
  children: Element[];
  text: string;
}

function decode(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A strict little XML reader: throws on anything not well-formed, returns the root element. */
function parseXml(xml: string): Element {
  const root: Element = { name: "#document", attributes: new Map(), children: [], text: "" };
  const stack = [root];
  const text = (raw: string) => {
    if (/<|>|&(?!(amp|lt|gt|quot|#\d+);)/.test(raw)) throw new Error(`unescaped text: ${raw}`);
    const top = stack.at(-1);
    if (top) top.text += decode(raw);
  };
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    text(xml.slice(at, lt === -1 ? xml.length : lt));
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`bad tag at ${lt}: ${xml.slice(lt, lt + 40)}`);
    const [, closing, name = "", attrs = "", selfClosing] = m;
    if (closing) {
      if (stack.pop()?.name !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      const attributes = new Map<string, string>();
      for (const [, key = "", value = ""] of attrs.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (attributes.has(key)) throw new Error(`repeated attribute ${key}`);
        if (/&(?!(amp|lt|gt|quot|#\d+);)/.test(value)) throw new Error(`unescaped attribute: ${value}`);
        attributes.set(key, decode(value));
      }
      const element: Element = { name, attributes, children: [], text: "" };
      stack.at(-1)?.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    at = tag.lastIndex;
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error("not one balanced root element");
  const svg = root.children[0];
  if (!svg) throw new Error("no root");
  return svg;
}

function all(element: Element, name: string): Element[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

/** Fill of each country by code. */
function fills(svg: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of all(svg, "path")) {
    const code = path.attributes.get("data-country");
    if (code) out.set(code, path.attributes.get("fill") ?? "");
  }
  return out;
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const COUNTS = { NO: 48_210, SY: 1320, AF: 860, GB: 9120, DE: 15_400, BR: 3 };

describe("renderWorldMap", () => {
  it("draws one well-formed svg picture named by its title and described by its desc", () => {
    const svg = parseXml(renderWorldMap(COUNTS, LABELS));
    expect(svg.name).toBe("svg");
    expect(svg.attributes.get("role")).toBe("img");
    expect(svg.attributes.get("viewBox")).toMatch(/^0 0 960 \d+$/);
    const title = svg.children.find((c) => c.name === "title");
    const desc = svg.children.find((c) => c.name === "desc");
    expect(title?.text).toBe(LABELS.title);
    expect(desc?.text).toBe(LABELS.description);
    expect(svg.attributes.get("aria-labelledby")).toBe(title?.attributes.get("id"));
    expect(svg.attributes.get("aria-describedby")).toBe(desc?.attributes.get("id"));
  });

  it("draws every country on the map once, Kosovo as XK, and leaves Antarctica out", () => {
    const drawn = all(parseXml(renderWorldMap({}, LABELS)), "path").map((p) => p.attributes.get("data-country"));
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(new Set(drawn)).toEqual(mapCountryCodes());
    expect(drawn.length).toBeGreaterThan(170);
    expect(drawn).toEqual(expect.arrayContaining(["NO", "SY", "AF", "GB", "XK", "SO", "CY"]));
    expect(drawn).not.toContain("AQ");
  });

  it("colours countries with signatures darker than countries without", () => {
    const byCode = fills(parseXml(renderWorldMap(COUNTS, LABELS)));
    for (const code of ["NO", "SY", "AF", "GB", "BR"]) {
      expect(luminance(byCode.get(code) ?? "")).toBeLessThan(luminance(NO_DATA_FILL));
      expect(byCode.get(code)).not.toBe(NO_DATA_FILL);
    }
    expect(byCode.get("FI")).toBe(NO_DATA_FILL);
    expect(byCode.get("NO")).toBe(SCALE_FILLS.at(-1));
    expect(luminance(byCode.get("NO") ?? "")).toBeLessThan(luminance(byCode.get("SY") ?? ""));
    expect(luminance(byCode.get("SY") ?? "")).toBeLessThan(luminance(byCode.get("BR") ?? ""));
  });

  it("escapes hostile titles, names and counts", () => {
    const hostile = `<script>alert(1)</script>"&'`;
    const xml = renderWorldMap(
      { NO: 5 },
      { title: hostile, description: hostile },
      {
        idPrefix: `x" onload="alert(1)`,
        countryName: () => hostile,
        formatCount: () => hostile,
      },
    );
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain('" onload');
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;");
    const svg = parseXml(xml);
    expect(all(svg, "title").map((t) => t.text)).toEqual([hostile, `${hostile}: ${hostile}`]);
    expect(all(svg, "desc")[0]?.text).toBe(hostile);
  });

  it("stays well-formed whatever text it is given, keeping all of it that XML can hold", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot hold
    const xmlCannotHold = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gv;
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), (title, name) => {
        const svg = parseXml(renderWorldMap({ SY: 2 }, { title, description: "d" }, { countryName: () => name }));
        expect(all(svg, "title").map((t) => t.text)).toEqual([
          title.replace(xmlCannotHold, ""),
          `${name.replace(xmlCannotHold, "")}: 2`,
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it("names countries with signatures only when the caller gives names", () => {
    const asked: string[] = [];
    const xml = renderWorldMap(COUNTS, LABELS, {
      countryName: (code) => {
        asked.push(code);
        return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
      },
      formatCount: (n) => new Intl.NumberFormat("en").format(n),
    });
    expect(asked.sort()).toEqual(Object.keys(COUNTS).sort());
    expect(all(parseXml(xml), "title").map((t) => t.text)).toContain("Norway: 48,210");
    expect(all(parseXml(renderWorldMap(COUNTS, LABELS)), "title")).toHaveLength(1);
    const label = renderWorldMap({ NO: 3 }, LABELS, { countryLabel: (code, n) => `${n} × ${code}` });
    expect(label).toContain("<title>3 × NO</title>");
  });

  it("ignores unknown codes and counts that are not positive numbers, without throwing", () => {
    const counts = { ZZ: 1_000_000, AQ: 50, "": 4, NO: 10, FI: -3, SE: Number.NaN, DK: Number.POSITIVE_INFINITY };
    const byCode = fills(parseXml(renderWorldMap(counts as Record<string, number>, LABELS)));
    expect(byCode.get("NO")).toBe(SCALE_FILLS.at(-1));
    for (const code of ["FI", "SE", "DK"]) expect(byCode.get(code)).toBe(NO_DATA_FILL);
    expect(mapScale(counts).buckets.at(-1)?.max).toBe(10);
  });

  it("colours Kosovo from XK and accepts lower-case codes", () => {
    const byCode = fills(parseXml(renderWorldMap({ xk: 7, no: 7 }, LABELS)));
    expect(byCode.get("XK")).not.toBe(NO_DATA_FILL);
    expect(byCode.get("XK")).toBe(byCode.get("NO"));
  });

  it("draws every country in the no-data fill when there are no signatures", () => {
    const byCode = fills(parseXml(renderWorldMap({}, LABELS)));
    expect(new Set(byCode.values())).toEqual(new Set([NO_DATA_FILL]));
    expect(mapScale({}).buckets).toEqual([]);
    expect(mapScale(new Map([["NO", 0]])).buckets).toEqual([]);
  });

  it("gives the same string for the same input, from a Map or an object", () => {
    const a = renderWorldMap(COUNTS, LABELS);
    expect(renderWorldMap(COUNTS, LABELS)).toBe(a);
    expect(renderWorldMap(new Map(Object.entries(COUNTS)), LABELS)).toBe(a);
  });

  it("gives maps with different titles different ids, and uses the prefix it is given", () => {
    const id = (xml: string) => parseXml(xml).attributes.get("aria-labelledby");
    expect(id(renderWorldMap({}, LABELS))).not.toBe(id(renderWorldMap({}, { ...LABELS, title: "Other" })));
    expect(id(renderWorldMap({}, LABELS, { idPrefix: "petition-7-map" }))).toBe("petition-7-map-title");
  });

  it("fits the drawing to the width asked for, within limits", () => {
    const viewBox = (width?: number) => parseXml(renderWorldMap({}, LABELS, { width })).attributes.get("viewBox");
    expect(viewBox(640)).toMatch(/^0 0 640 \d+$/);
    expect(viewBox(10)).toMatch(/^0 0 320 \d+$/);
    expect(viewBox(Number.NaN)).toMatch(/^0 0 960 \d+$/);
  });

  it("writes path coordinates with at most one decimal", () => {
    const d = all(parseXml(renderWorldMap({}, LABELS)), "path").map((p) => p.attributes.get("d") ?? "");
    expect(d.join("")).not.toMatch(/\.\d\d/);
    expect(d.every((s) => /^M[\d.,]+[\d.,lmz -]*$/.test(s))).toBe(true);
  });
});

describe("mapScale", () => {
  it("steps from light to dark in up to five contiguous ranges ending at the largest count", () => {
    const { buckets } = mapScale({ NO: 48_210, SY: 1320, AF: 860, GB: 9120 });
    expect(buckets).toHaveLength(5);
    expect(buckets[0]?.min).toBe(1);
    expect(buckets.at(-1)?.max).toBe(48_210);
    for (let i = 1; i < buckets.length; i++) {
      const [before, step] = [buckets[i - 1], buckets[i]];
      expect(step?.min).toBe((before?.max ?? 0) + 1);
      expect(luminance(step?.fill ?? "")).toBeLessThan(luminance(before?.fill ?? ""));
    }
    expect(buckets.map((b) => b.min)).toEqual([1, 10, 100, 500, 5000]);
  });

  it("keeps every step darker than the fill for no signatures", () => {
    for (const fill of SCALE_FILLS) expect(luminance(fill)).toBeLessThan(luminance(NO_DATA_FILL));
    expect(mapScale({}).noData).toEqual({ fill: NO_DATA_FILL, className: "wm-b0" });
  });

  it("gives each count its own step when the largest is five or fewer", () => {
    expect(mapScale({ NO: 3, SY: 1 }).buckets.map(({ min, max }) => [min, max])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(mapScale({ NO: 1 }).buckets).toEqual([{ min: 1, max: 1, fill: SCALE_FILLS[2], className: "wm-b3" }]);
  });
});
