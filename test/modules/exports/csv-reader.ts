// A strict reader of the CSV the exports write, for the unit and the browser tests.

/**
 * Reads CSV strictly by RFC 4180: records end with CRLF; a field with a quote, comma or
 * line break is quoted and its quotes doubled; anything else (a bare quote, text after a
 * closing quote, a lone LF between records) is an error, not a guess.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`bad CSV at ${i}: ${why} near ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
  };
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail("unclosed quote");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') fail("quote inside an unquoted field");
        field += text[i];
        i++;
      }
    }
    record.push(field);
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text[i] === "\r" && text[i + 1] === "\n") {
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    if (i >= text.length) fail("the last record has no CRLF");
    fail("expected a comma or CRLF");
  }
  return records;
}

/** The rows of a CSV file as objects keyed by its headings (the first record). */
export function csvObjects(body: string): Record<string, string>[] {
  if (!body.startsWith("\uFEFF")) throw new Error("no byte order mark");
  const [headings, ...rows] = parseCsv(body.slice(1));
  if (!headings) return [];
  return rows.map((row) => {
    if (row.length !== headings.length) throw new Error(`a row has ${row.length} fields, not ${headings.length}`);
    return Object.fromEntries(headings.map((h, k) => [h, row[k] ?? ""]));
  });
}
