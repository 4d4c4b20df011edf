// Draws a petition's share card (og:image / twitter:image): a 1200×630 PNG with the campaign's
// title, its count (already localised by the caller) and the site's name, in the movement's
// yellow and black. Pure: no database, no network; fonts come from @fontsource packages in
// node_modules, read once and kept in memory.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Font } from "satori";

/**
 * satori and resvg are loaded when the first card is drawn, not at start: they weigh tens of
 * megabytes, and most processes (workers, and web processes behind a CDN) never draw one.
 */
let engines:
  | Promise<{ satori: typeof import("satori").default; renderAsync: typeof import("@resvg/resvg-js").renderAsync }>
  | undefined;
function loadEngines() {
  engines ??= Promise.all([import("satori"), import("@resvg/resvg-js")]).then(([s, r]) => ({
    satori: s.default,
    renderAsync: r.renderAsync,
  }));
  return engines;
}

export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

export interface ShareImageInput {
  title: string;
  /** The count as the reader should see it, e.g. "12,345 signatures" or "١٢٬٣٤٥ توقيعًا". */
  countText: string;
  siteName: string;
  dir?: "ltr" | "rtl";
  /** BCP 47 tag of the text, e.g. "ar" or "fa"; passed to the layout as the element's lang. */
  lang?: string;
}

const YELLOW = "#ffd400";
const BLACK = "#000000";

const PAD_X = 72;
const TOP_BAND = 112; // site name
const BOTTOM_BAND = 150; // count, on black
const TITLE_GAP = 28; // space between the title and each band
const TITLE_BOX_WIDTH = SHARE_IMAGE_WIDTH - 2 * PAD_X;
const TITLE_BOX_HEIGHT = SHARE_IMAGE_HEIGHT - TOP_BAND - BOTTOM_BAND - 2 * TITLE_GAP;
const TITLE_LINE_HEIGHT = 1.14;
/** Font sizes tried for the title, largest first; the first whose estimated lines fit wins. */
const TITLE_SIZES = [92, 84, 76, 68, 62, 56, 50, 46, 42, 38] as const;
const MAX_TITLE_CHARS = 300; // beyond any real title; keeps a pathological input cheap

// ---------------------------------------------------------------------------------------------
// Fonts

const WEIGHT = 800;

/**
 * One satori font per @fontsource subset file (satori needs TTF, OTF or WOFF, not WOFF2). Each
 * has its own name: satori picks one font per family name, so subsets sharing a name would
 * not fall back to each other.
 */
const LATIN_FONTS = [
  { name: "Noto Sans Latin", file: "@fontsource/noto-sans/files/noto-sans-latin-800-normal.woff" },
  { name: "Noto Sans Latin Ext", file: "@fontsource/noto-sans/files/noto-sans-latin-ext-800-normal.woff" },
  { name: "Noto Sans Vietnamese", file: "@fontsource/noto-sans/files/noto-sans-vietnamese-800-normal.woff" },
  { name: "Noto Sans Cyrillic", file: "@fontsource/noto-sans/files/noto-sans-cyrillic-800-normal.woff" },
  { name: "Noto Sans Greek", file: "@fontsource/noto-sans/files/noto-sans-greek-800-normal.woff" },
] as const;
/**
 * Arabic script (Arabic, Persian, Dari, Pashto, Urdu, Sorani). Vazirmatn draws dotted letters
 * as whole glyphs; Noto Sans Arabic places dots as marks, which satori 0.63 draws at the wrong
 * height (it adds HarfBuzz's upward y offset in SVG's downward y), so its dots land inside the
 * letters.
 */
const ARABIC_FONTS = [
  { name: "Vazirmatn Arabic", file: "@fontsource/vazirmatn/files/vazirmatn-arabic-800-normal.woff" },
] as const;
const FONT_FILES = [...LATIN_FONTS, ...ARABIC_FONTS];

const family = (fonts: ReadonlyArray<{ name: string }>) => fonts.map((f) => `"${f.name}"`).join(", ");
const LTR_FAMILY = family([...LATIN_FONTS, ...ARABIC_FONTS]);
const RTL_FAMILY = family([...ARABIC_FONTS, ...LATIN_FONTS]);

let fontsPromise: Promise<Font[]> | undefined;

/**
 * The fonts, read from node_modules at first use. The same array is handed to satori each
 * time, which keeps its parsed fonts cached by that identity.
 */
function loadFonts(): Promise<Font[]> {
  fontsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    return Promise.all(
      FONT_FILES.map(
        async ({ name, file }): Promise<Font> => ({
          name,
          data: await readFile(require.resolve(file)),
          weight: WEIGHT,
          style: "normal",
        }),
      ),
    );
  })();
  fontsPromise.catch(() => {
    fontsPromise = undefined; // let a later call try again
  });
  return fontsPromise;
}

// ---------------------------------------------------------------------------------------------
// Title size

/**
 * Rough advance width of a character, in ems: classes measured on Noto Sans ExtraBold (latin)
 * and Vazirmatn ExtraBold (Arabic script, whose joined letters are narrow).
 */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === " ") return 0.26;
  if ("fijlrtI.,:;!'()[]|-".includes(ch)) return 0.36;
  if ("mwMW—".includes(ch)) return 0.96;
  if (code >= 0x41 && code <= 0x5a) return 0.68; // A–Z
  if (code >= 0x30 && code <= 0x39) return 0.58; // 0–9
  if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0xfb50 && code <= 0xfeff)) return 0.42;
  return 0.61;
}

/** Lines the title takes at a font size, wrapping greedily at spaces as the layout does. */
function estimateLines(words: string[], fontSize: number, maxWidth: number): number {
  const space = charWidth(" ") * fontSize;
  let lines = 1;
  let used = 0;
  for (const word of words) {
    let width = 0;
    for (const ch of word) width += charWidth(ch) * fontSize;
    if (used > 0 && used + space + width > maxWidth) {
      lines += 1;
      used = 0;
    }
    if (width > maxWidth) {
      // A word longer than a line breaks inside itself (overflowWrap: anywhere).
      lines += Math.ceil(width / maxWidth) - 1;
      used = width % maxWidth;
    } else {
      used += (used > 0 ? space : 0) + width;
    }
  }
  return lines;
}

/** The largest title size whose estimated lines fit the box, and how many lines that is. */
export function chooseTitleSize(title: string): { fontSize: number; maxLines: number } {
  const words = title.split(/\s+/).filter(Boolean);
  // Aim a little narrower than the box: the estimate is rough and a wrong guess overflows.
  const width = TITLE_BOX_WIDTH * 0.94;
  for (const fontSize of TITLE_SIZES) {
    const maxLines = Math.floor(TITLE_BOX_HEIGHT / (fontSize * TITLE_LINE_HEIGHT));
    if (estimateLines(words, fontSize, width) <= maxLines) return { fontSize, maxLines };
  }
  const fontSize = TITLE_SIZES[TITLE_SIZES.length - 1] ?? 38;
  return { fontSize, maxLines: Math.floor(TITLE_BOX_HEIGHT / (fontSize * TITLE_LINE_HEIGHT)) };
}

// ---------------------------------------------------------------------------------------------
// Element tree (plain objects, as satori reads React elements; no JSX needed)

type Style = Record<string, string | number>;
interface El {
  type: string;
  key: null;
  props: { style: Style; children?: El | string | Array<El | string>; lang?: string; dir?: string };
}

function el(type: string, style: Style, children?: El["props"]["children"], extra: Partial<El["props"]> = {}): El {
  return { type, key: null, props: { style, ...(children === undefined ? {} : { children }), ...extra } };
}

/**
 * Text as one run: lone surrogates become U+FFFD; line breaks and tabs become spaces (no-break
 * spaces stay); control and bidirectional formatting characters go (satori's bidi is
 * simplified and reorders text with them in it oddly); NFC, so accented letters are whole
 * glyphs rather than marks (see the fonts above); trimmed and capped.
 */
function clean(text: string, max: number): string {
  const flat = text
    .toWellFormed()
    .normalize("NFC")
    .replace(/[\t\n\v\f\r \u0085\u2028\u2029]+/g, " ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat;
}

function card(input: ShareImageInput): El {
  const rtl = input.dir === "rtl";
  const align = rtl ? "right" : "left";
  const title = clean(input.title, MAX_TITLE_CHARS);
  const { fontSize, maxLines } = chooseTitleSize(title);

  return el(
    "div",
    {
      display: "flex",
      flexDirection: "column",
      width: SHARE_IMAGE_WIDTH,
      height: SHARE_IMAGE_HEIGHT,
      backgroundColor: YELLOW,
      color: BLACK,
      fontFamily: rtl ? RTL_FAMILY : LTR_FAMILY,
      fontWeight: WEIGHT,
      direction: rtl ? "rtl" : "ltr",
      textAlign: align,
    },
    [
      // Site name, with a black bar before it.
      el(
        "div",
        {
          display: "flex",
          alignItems: "center",
          height: TOP_BAND,
          paddingTop: 24,
          paddingLeft: PAD_X,
          paddingRight: PAD_X,
        },
        [
          el("div", { width: 56, height: 14, backgroundColor: BLACK, flexShrink: 0 }),
          el(
            "div",
            {
              fontSize: 38,
              letterSpacing: rtl ? 0 : 0.5,
              marginLeft: rtl ? 0 : 20,
              marginRight: rtl ? 20 : 0,
              lineClamp: 1,
              textOverflow: "ellipsis",
            },
            clean(input.siteName, 80),
          ),
        ],
      ),
      // Title, filling the middle.
      el(
        "div",
        {
          display: "flex",
          alignItems: "center",
          height: TITLE_BOX_HEIGHT + 2 * TITLE_GAP,
          paddingLeft: PAD_X,
          paddingRight: PAD_X,
          overflow: "hidden",
        },
        el(
          "div",
          {
            width: TITLE_BOX_WIDTH,
            fontSize,
            lineHeight: TITLE_LINE_HEIGHT,
            letterSpacing: rtl ? 0 : -0.01 * fontSize,
            overflowWrap: "anywhere",
            lineClamp: maxLines,
            textOverflow: "ellipsis",
          },
          title,
        ),
      ),
      // Count, yellow on black.
      el(
        "div",
        {
          display: "flex",
          alignItems: "center",
          height: BOTTOM_BAND,
          paddingLeft: PAD_X,
          paddingRight: PAD_X,
          backgroundColor: BLACK,
          color: YELLOW,
        },
        el(
          "div",
          { fontSize: 64, lineHeight: 1.2, lineClamp: 1, textOverflow: "ellipsis" },
          clean(input.countText, 60),
        ),
      ),
    ],
    input.lang ? { lang: input.lang, dir: rtl ? "rtl" : "ltr" } : { dir: rtl ? "rtl" : "ltr" },
  );
}

// ---------------------------------------------------------------------------------------------

/** The share card as SVG, text drawn as paths (no fonts needed to display it). */
export async function renderShareSvg(input: ShareImageInput): Promise<string> {
  const [fonts, { satori }] = await Promise.all([loadFonts(), loadEngines()]);
  return satori(card(input) as unknown as Parameters<typeof satori>[0], {
    width: SHARE_IMAGE_WIDTH,
    height: SHARE_IMAGE_HEIGHT,
    fonts,
  });
}

/**
 * The share card as a 1200×630 PNG. Rasterising runs on libuv's thread pool; laying out
 * (satori) and PNG encoding run on the calling thread, together some 10–30 ms: cache the result.
 */
export async function renderShareImage(input: ShareImageInput): Promise<Buffer> {
  const [svg, { renderAsync }] = await Promise.all([renderShareSvg(input), loadEngines()]);
  const image = await renderAsync(svg, {
    fitTo: { mode: "original" },
    font: { loadSystemFonts: false }, // satori draws text as paths; no fonts needed here
  });
  return image.asPng();
}
