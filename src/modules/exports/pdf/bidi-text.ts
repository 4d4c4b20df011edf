// Lines of text in any direction, drawn with PDFKit. PDFKit lays text out left to right,
// word by word; fontkit shapes and reverses one Arabic word well but not a line. So the
// Unicode Bidirectional Algorithm (bidi-js) orders the characters of each line visually,
// the line is cut into pieces of one font and one direction without spaces, each piece is
// handed to fontkit in the order it shapes correctly, and the pieces are placed one after
// the other from the left. Each piece's glyphs keep the characters they came from, so a
// reader (or copy and paste) gets the text back in its logical order.
import bidiModule, { type Bidi } from "bidi-js";
import type PDFDocument from "pdfkit";
import type { PdfFont, Weight } from "./fonts.ts";

// The package's types describe an ES module but its code is CommonJS: Node gives the factory
// itself as the default export.
const bidi = (bidiModule as unknown as () => Bidi)();

type Doc = InstanceType<typeof PDFDocument>;
export type Dir = "ltr" | "rtl";

/** Direction marks and isolates: they steer the algorithm and are never drawn. */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const SPACE = /\s/;
/** Characters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana…), digits included. */
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]/;
const STRONG_ANY = /[\p{L}]/u;

/** The direction a text starts in on its own: that of its first strong letter. */
export function textDirection(text: string, fallback: Dir): Dir {
  const first = STRONG_ANY.exec(text)?.[0];
  if (!first) return fallback;
  return RTL_SCRIPT.test(first) ? "rtl" : "ltr";
}

export interface TextStyle {
  fonts: Record<Weight, PdfFont[]>;
  weight: Weight;
  size: number;
}

interface Piece {
  text: string;
  font: string;
  width: number;
}

/** The font for a character: the one the last character used if it has it, else the first that has it. */
function fontFor(fonts: PdfFont[], codePoint: number, previous: PdfFont | undefined): PdfFont {
  if (previous?.face.hasGlyphForCodePoint(codePoint)) return previous;
  return fonts.find((f) => f.face.hasGlyphForCodePoint(codePoint)) ?? (fonts[0] as PdfFont);
}

/** A line cut into pieces in visual order, left to right, with their widths. */
function pieces(doc: Doc, text: string, dir: Dir, style: TextStyle): Piece[] {
  const fonts = style.fonts[style.weight];
  const levels = bidi.getEmbeddingLevels(text, dir);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  // bidi-js works in UTF-16 code units: reverse the units of each segment in turn.
  const order = Array.from({ length: text.length }, (_, i) => i);
  for (const [from = 0, to = -1] of bidi.getReorderSegments(text, levels)) {
    const reversed = order.slice(from, to + 1).reverse();
    order.splice(from, reversed.length, ...reversed);
  }
  // Characters in visual order, a surrogate pair (reversed or not) kept as one character.
  const visualChars: { index: number; char: string }[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const unit = text.charCodeAt(i);
    const next = order[k + 1];
    if (next !== undefined && Math.abs(next - i) === 1) {
      const [hi, lo] = next > i ? [i, next] : [next, i];
      if (/[\ud800-\udbff]/.test(text[hi] ?? "") && /[\udc00-\udfff]/.test(text[lo] ?? "")) {
        visualChars.push({ index: hi, char: text.slice(hi, lo + 1) });
        k++;
        continue;
      }
    }
    visualChars.push({ index: i, char: String.fromCharCode(unit) });
  }

  const out: Piece[] = [];
  let visual: string[] = [];
  let font: PdfFont | undefined;
  let rtl = false;
  const flush = () => {
    if (visual.length === 0 || !font) return;
    // fontkit reverses any run with a character of a right-to-left script in it (Arabic
    // letters, but Persian and Arabic-Indic digits too, which read left to right): hand it
    // such a run reversed, so that its reversal puts the glyphs back in the order to be seen.
    const pieceText = RTL_SCRIPT.test(visual.join("")) ? [...visual].reverse().join("") : visual.join("");
    out.push({ text: pieceText, font: font.name, width: measure(doc, pieceText, font.name, style.size) });
    visual = [];
  };
  let previous: PdfFont | undefined;
  for (const { index, char: c } of visualChars) {
    if (INVISIBLE.test(c)) continue;
    const level = levels.levels[index] ?? 0;
    const odd = level % 2 === 1;
    if (SPACE.test(c)) {
      flush();
      const f = previous ?? (fonts[0] as PdfFont);
      out.push({ text: "", font: f.name, width: measure(doc, " ", f.name, style.size) });
      continue;
    }
    const shown = mirrored.get(index) ?? c;
    const f = fontFor(fonts, shown.codePointAt(0) ?? 0, previous);
    if (f !== font || odd !== rtl) flush();
    font = f;
    previous = f;
    rtl = odd;
    visual.push(shown);
  }
  flush();
  return out;
}

function measure(doc: Doc, text: string, font: string, size: number): number {
  return doc.font(font).fontSize(size).widthOfString(text);
}

/** How wide a line is when drawn. */
export function lineWidth(doc: Doc, text: string, style: TextStyle, dir: Dir = textDirection(text, "ltr")): number {
  return pieces(doc, text, dir, style).reduce((sum, p) => sum + p.width, 0);
}

export type Align = "left" | "right" | "center";

/**
 * Draws one line (no wrapping) in the box from x to x + width, its baseline direction taken
 * from its own first strong letter unless given.
 */
export function drawLine(
  doc: Doc,
  text: string,
  box: { x: number; y: number; width: number; align: Align },
  style: TextStyle,
  dir: Dir = textDirection(text, "ltr"),
): void {
  const parts = pieces(doc, text, dir, style);
  const total = parts.reduce((sum, p) => sum + p.width, 0);
  const offset = box.align === "right" ? box.width - total : box.align === "center" ? (box.width - total) / 2 : 0;
  let x = box.x + Math.max(0, offset);
  // One baseline for every font on the line (each font's own ascent would put them at
  // different heights).
  const baseline = box.y + style.size * 0.95;
  for (const p of parts) {
    if (p.text)
      doc.font(p.font).fontSize(style.size).text(p.text, x, baseline, { lineBreak: false, baseline: "alphabetic" });
    x += p.width;
  }
}

/**
 * A paragraph broken into lines that fit the width, at spaces (a word longer than a line is
 * cut where it must be). The lines keep logical order; drawLine orders each one.
 */
export function wrapText(doc: Doc, text: string, width: number, style: TextStyle): string[] {
  const dir = textDirection(text, "ltr");
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (lineWidth(doc, candidate, style, dir) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A word wider than the line on its own: cut it into pieces that fit.
    while (lineWidth(doc, line, style, dir) > width && Array.from(line).length > 1) {
      const chars = Array.from(line);
      let fit = chars.length - 1;
      while (fit > 1 && lineWidth(doc, chars.slice(0, fit).join(""), style, dir) > width) fit--;
      lines.push(chars.slice(0, fit).join(""));
      line = chars.slice(fit).join("");
    }
  }
  if (line) lines.push(line);
  return lines;
}
