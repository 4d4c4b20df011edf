// Reads a PDF back as a reader would: pdf.js (the engine inside Firefox) extracts each page's
// text. Words drawn one by one come back as items with positions; a line is the items at
// one height, in reading order (right to left for a right-to-left line).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
}

export interface PdfText {
  pages: number;
  /** Each page's lines, top to bottom, as text in reading order. */
  lines: string[][];
  /** Every line of every page. */
  all: string[];
  /** The document's title. */
  title: string | undefined;
}

const FIRST_STRONG_RTL = /^[^\p{L}]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/**
 * The text of one line in reading order. Items that touch are one word (a font change
 * inside it); a gap is a space. Words read from the document's start edge, except that a
 * run of words in the other direction (a Latin name in Arabic, an Arabic name in English)
 * reads from its own start.
 */
function readLine(row: Item[], dir: "ltr" | "rtl"): string {
  const groups: Item[][] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const it of [...row].sort((a, b) => a.x - b.x)) {
    if (it.x - end < 0.5) groups[groups.length - 1]?.push(it);
    else groups.push([it]);
    end = it.x + it.width;
  }
  const words = groups.map((g) => {
    const rtl = FIRST_STRONG_RTL.test(g.map((it) => it.str).join(""));
    return { text: (rtl ? [...g].reverse() : g).map((it) => it.str).join(""), rtl };
  });
  if (dir === "rtl") words.reverse();
  const out: string[] = [];
  let run: string[] = [];
  for (const w of words) {
    if (w.rtl !== (dir === "rtl")) {
      run.unshift(w.text);
      continue;
    }
    out.push(...run, w.text);
    run = [];
  }
  out.push(...run);
  return out.join(" ");
}

export async function readPdf(bytes: Uint8Array | Buffer, dir: "ltr" | "rtl" = "ltr"): Promise<PdfText> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const pdf = await task.promise;
  const lines: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!("str" in it) || it.str.trim() === "") continue;
      items.push({
        str: it.str.trim(),
        x: it.transform[4] as number,
        y: Math.round(it.transform[5] as number),
        width: it.width,
      });
    }
    const byY = new Map<number, Item[]>();
    for (const it of items) byY.set(it.y, [...(byY.get(it.y) ?? []), it]);
    const pageLines = [...byY.entries()].sort((a, b) => b[0] - a[0]).map(([, row]) => readLine(row, dir));
    lines.push(pageLines);
  }
  const meta = await pdf.getMetadata();
  const info = meta.info as { Title?: string };
  const pages = pdf.numPages;
  await task.destroy();
  return { pages, lines, all: lines.flat(), title: info.Title };
}
