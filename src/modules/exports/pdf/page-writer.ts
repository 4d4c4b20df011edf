// A printed document written top to bottom: a cursor that moves down the page, a new page
// (with its number at the foot) when the next block would not fit, and text laid out in the
// document's direction (right-aligned, columns from the right, in Arabic and Persian).
import PDFDocument from "pdfkit";
import { type Align, type Dir, drawLine, type TextStyle, textDirection, wrapText } from "./bidi-text.ts";
import type { PdfFont, Weight } from "./fonts.ts";

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56;
const FOOTER = 36;

export interface Column {
  /** Share of the width, from the start edge (left in English, right in Arabic). */
  share: number;
  /** "end" puts numbers against the column's far edge. */
  align?: "start" | "end";
}

export class PageWriter {
  readonly doc: Doc;
  readonly dir: Dir;
  private y = MARGIN;
  private page = 0;

  constructor(
    private readonly fonts: Record<Weight, PdfFont[]>,
    options: { dir: Dir; lang: string; title: string; footer: (page: number) => string },
  ) {
    this.dir = options.dir;
    this.footer = options.footer;
    // Pages are written out as each one ends, not kept to the end (bufferPages off).
    this.doc = new PDFDocument({
      size: "A4",
      margin: MARGIN,
      autoFirstPage: false,
      bufferPages: false,
      lang: options.lang,
      displayTitle: true,
      info: { Title: options.title, Creator: "iwelcome", Producer: "iwelcome" },
    });
    for (const weight of ["regular", "bold"] as const) {
      for (const font of fonts[weight]) this.doc.registerFont(font.name, font.data);
    }
    if (options.dir === "rtl") {
      // PDFKit has no option for it: viewers lay out pages right to left with /Direction /R2L.
      const prefs = (
        this.doc as unknown as { _root: { data: { ViewerPreferences?: { data: Record<string, unknown> } } } }
      )._root.data.ViewerPreferences;
      if (prefs) prefs.data.Direction = "R2L";
    }
    this.newPage();
  }

  private readonly footer: (page: number) => string;

  private get width() {
    return this.doc.page.width - 2 * MARGIN;
  }
  private get bottom() {
    return this.doc.page.height - MARGIN - FOOTER;
  }

  private newPage() {
    this.doc.addPage();
    this.page++;
    this.y = MARGIN;
    const footerY = this.doc.page.height - MARGIN - 10;
    drawLine(
      this.doc,
      this.footer(this.page),
      { x: MARGIN, y: footerY, width: this.width, align: "center" },
      this.style("regular", 9),
      this.dir,
    );
  }

  private style(weight: Weight, size: number): TextStyle {
    return { fonts: this.fonts, weight, size };
  }

  /** Room for this much more on the page, or a new page. */
  ensure(height: number) {
    if (this.y + height > this.bottom) this.newPage();
  }

  gap(points: number) {
    this.y += points;
  }

  private startAlign(): Align {
    return this.dir === "rtl" ? "right" : "left";
  }

  /**
   * A paragraph, wrapped, in its own direction (that of its first letter, as HTML's
   * dir="auto") and aligned to its own start: an English petition text in an Arabic pack
   * reads from the left, the pack's own Arabic words from the right. `underRow` aligns it to
   * the document's start instead, under the first cell of the row above (a signer's comment).
   */
  paragraph(text: string, options: { weight?: Weight; size?: number; after?: number; underRow?: boolean } = {}) {
    const style = this.style(options.weight ?? "regular", options.size ?? 11);
    const lineHeight = style.size * 1.45;
    const dir = textDirection(text, this.dir);
    for (const line of wrapText(this.doc, text, this.width, style)) {
      this.ensure(lineHeight);
      drawLine(
        this.doc,
        line,
        {
          x: MARGIN,
          y: this.y,
          width: this.width,
          align: (options.underRow ? this.dir : dir) === "rtl" ? "right" : "left",
        },
        style,
        dir,
      );
      this.y += lineHeight;
    }
    this.y += options.after ?? style.size * 0.6;
  }

  /**
   * One row of cells across the columns, each cell wrapped within its column; the row moves
   * to a new page whole. Columns run from the start edge: mirrored in right-to-left.
   */
  row(cells: string[], columns: Column[], options: { weight?: Weight; size?: number } = {}) {
    const style = this.style(options.weight ?? "regular", options.size ?? 10);
    const lineHeight = style.size * 1.4;
    const gutter = 8;
    let offset = 0;
    const boxes = columns.map((c) => {
      const w = this.width * c.share;
      const x = this.dir === "rtl" ? MARGIN + this.width - offset - w : MARGIN + offset;
      offset += w;
      return { x, width: w - gutter };
    });
    const wrapped = cells.map((cell, i) => (cell ? wrapText(this.doc, cell, boxes[i]?.width ?? 0, style) : [""]));
    const height = Math.max(...wrapped.map((l) => l.length)) * lineHeight;
    this.ensure(height);
    wrapped.forEach((lines, i) => {
      const box = boxes[i];
      const column = columns[i];
      if (!box || !column) return;
      const end = this.dir === "rtl" ? "left" : "right";
      const align: Align = column.align === "end" ? end : this.startAlign();
      lines.forEach((line, k) => {
        if (!line) return;
        const x = this.dir === "rtl" && column.align !== "end" ? box.x + gutter : box.x;
        drawLine(
          this.doc,
          line,
          { x, y: this.y + k * lineHeight, width: box.width, align },
          style,
          textDirection(line, this.dir),
        );
      });
    });
    this.y += height + 2;
  }

  /** A thin rule across the page. */
  rule() {
    this.ensure(6);
    this.doc
      .moveTo(MARGIN, this.y + 2)
      .lineTo(MARGIN + this.width, this.y + 2)
      .lineWidth(0.5)
      .strokeColor("#777777")
      .stroke();
    this.y += 6;
  }
}
