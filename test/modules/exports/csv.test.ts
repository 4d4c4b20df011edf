import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "../../../src/modules/exports/csv.ts";
import { parseCsv } from "./csv-reader.ts";

/** What a spreadsheet shows for a cell the export wrote: the text, defused if it could run. */
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe("CSV cells", () => {
  it("quotes only what needs quoting, and doubles quotes inside", () => {
    expect(csvCell("Amina")).toBe("Amina");
    expect(csvCell("Berg, Ingrid")).toBe('"Berg, Ingrid"');
    expect(csvCell('Ingrid "Inga"')).toBe('"Ingrid ""Inga"""');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(-3)).toBe("-3");
  });

  it("defuses every start a spreadsheet would run", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it("reads back any text exactly as written, defused, in any script", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (records) => {
          const text = records.map((cells) => csvLine(cells)).join("");
          expect(parseCsv(text)).toEqual(records.map((cells) => cells.map(defused)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
