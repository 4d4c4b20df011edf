// The delivery pack's fonts: Noto Sans for Latin, Cyrillic, Greek and Vietnamese, Vazirmatn
// for Arabic script (Arabic, Persian, Dari, Pashto, Urdu). Read once from the @fontsource
// packages in node_modules; fontkit reads WOFF as well as TTF, and PDFKit embeds only the
// glyphs a document uses.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

export type Weight = "regular" | "bold";

export interface PdfFont {
  /** The name the document registers it under. */
  name: string;
  data: Buffer;
  /** Parsed, to ask which characters it draws. */
  face: fontkit.Font;
}

/** In the order a character looks for a font that has it. */
const SUBSETS = [
  ["noto-sans", "latin"],
  ["noto-sans", "latin-ext"],
  ["noto-sans", "cyrillic"],
  ["noto-sans", "greek"],
  ["noto-sans", "vietnamese"],
  ["vazirmatn", "arabic"],
] as const;
const WEIGHTS: Record<Weight, number> = { regular: 400, bold: 700 };

let loaded: Promise<Record<Weight, PdfFont[]>> | undefined;

export function loadPdfFonts(): Promise<Record<Weight, PdfFont[]>> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const read = async (weight: Weight) =>
      Promise.all(
        SUBSETS.map(async ([family, subset]): Promise<PdfFont> => {
          const data = await readFile(
            require.resolve(`@fontsource/${family}/files/${family}-${subset}-${WEIGHTS[weight]}-normal.woff`),
          );
          return { name: `${family}-${subset}-${weight}`, data, face: fontkit.create(data) as fontkit.Font };
        }),
      );
    const [regular, bold] = await Promise.all([read("regular"), read("bold")]);
    return { regular, bold };
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
