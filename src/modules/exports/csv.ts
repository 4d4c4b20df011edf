// CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order
// mark (without it Excel reads UTF-8 as the local code page, and Arabic turns to noise),
// and cells that a spreadsheet would run as a formula defused.

/** The byte order mark that starts every file, so spreadsheets know it is UTF-8. */
export const UTF8_BOM = "\uFEFF";

export type CsvValue = string | number | null | undefined;

// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and
// carriage return, strips them and then does): OWASP's list for CSV injection.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell: text that could start a formula gets a leading apostrophe (shown as text, not
 * run); text with a quote, comma or line break is quoted, its quotes doubled. Numbers are
 * written as they are (a negative number is a number, not a formula).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF as RFC 4180 says. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
