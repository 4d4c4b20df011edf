import { describe, expect, it } from "vitest";
import { loadPdfFonts } from "../../../src/modules/exports/pdf/fonts.ts";
import { PageWriter } from "../../../src/modules/exports/pdf/page-writer.ts";
import { readPdf } from "./read-pdf.ts";

/** A document drawn by the page writer, as bytes. */
async function pdfOf(dir: "ltr" | "rtl", draw: (w: PageWriter) => void): Promise<Buffer> {
  const writer = new PageWriter(await loadPdfFonts(), {
    dir,
    lang: dir === "rtl" ? "ar" : "en",
    title: "A test",
    footer: (page) => `Page ${page}`,
  });
  const chunks: Buffer[] = [];
  writer.doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => writer.doc.on("end", resolve));
  draw(writer);
  writer.doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe("text in a printed pack", () => {
  it("prints an Arabic name in a right-to-left row so that it reads back in its own order", async () => {
    const pdf = await readPdf(
      await pdfOf("rtl", (w) => w.row(["أمينة حسن", "النرويج"], [{ share: 0.6 }, { share: 0.4 }])),
      "rtl",
    );
    expect(pdf.all).toEqual(["أمينة حسن النرويج", "Page 1"]);
  });

  it("prints Persian and Arabic-Indic numbers with their digits in order", async () => {
    const pdf = await readPdf(
      await pdfOf("rtl", (w) => {
        w.row(["ناروی", "۲۱"], [{ share: 0.7 }, { share: 0.3, align: "end" }]);
        w.paragraph("تاریخ ۳ قوس ۱۴۰۵");
        w.paragraph("وقّع ١٢٣ شخصًا");
      }),
      "rtl",
    );
    expect(pdf.all.slice(0, 3)).toEqual(["ناروی ۲۱", "تاریخ ۳ قوس ۱۴۰۵", "وقّع ١٢٣ شخصًا"]);
  });

  it("keeps each script in its own font and order on one line: Latin, Arabic, Polish, Norwegian", async () => {
    const pdf = await readPdf(await pdfOf("ltr", (w) => w.paragraph("Amina أمينة حسن (Oslo) – Zoë Łukasz Ærø")));
    expect(pdf.all[0]).toBe("Amina أمينة حسن (Oslo) – Zoë Łukasz Ærø");
  });

  it("wraps a long paragraph within the page and carries on to the next page", async () => {
    const long = "Welcome ".repeat(1200).trim();
    const pdf = await readPdf(await pdfOf("ltr", (w) => w.paragraph(long)));
    expect(pdf.pages).toBeGreaterThan(1);
    const words = pdf.all.filter((l) => l.startsWith("Welcome")).flatMap((l) => l.split(" "));
    expect(words).toHaveLength(1200);
    expect(pdf.lines.map((lines) => lines.at(-1))).toEqual(pdf.lines.map((_, i) => `Page ${i + 1}`));
  });
});
