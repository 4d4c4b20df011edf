import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import en from "../../../src/modules/i18n/catalogs/en.json" with { type: "json" };
import { CATALOGS, i18nFor } from "../../../src/modules/i18n/i18n.ts";
import { LOCALES, type Locale } from "../../../src/modules/i18n/locales.ts";

const SRC = resolve("src");
const CATALOG_DIR = resolve("src/modules/i18n/catalogs");
const englishKeys = Object.keys(en).sort();

/** Every source file's text, less the catalogs themselves. */
function sourceText(dir = SRC): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return path === CATALOG_DIR ? "" : sourceText(path);
      return /\.(ts|tsx)$/.test(entry.name) ? readFileSync(path, "utf8") : "";
    })
    .join("\n");
}

interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** The names of a parsed message's arguments ({name}, {n, plural, …}, <tag>…</tag>), nested ones too. */
function argumentsOf(nodes: readonly AstNode[], names = new Set<string>()): Set<string> {
  for (const node of nodes) {
    // Literal text (0) and the # of a plural (7) name nothing.
    if (node.type !== 0 && node.type !== 7 && typeof node.value === "string") names.add(node.value);
    for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, names);
    argumentsOf(node.children ?? [], names);
  }
  return names;
}

const catalogs = Object.entries(CATALOGS) as [Locale, Record<string, string>][];

describe("message catalogs", () => {
  it("has a catalog for every locale the site speaks, and none for any other", () => {
    expect(Object.keys(CATALOGS).sort()).toEqual(LOCALES.map((l) => l.code).sort());
  });

  it("keeps every catalog file registered", () => {
    const files = readdirSync(CATALOG_DIR).filter((f) => f.endsWith(".json"));
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(Object.keys(CATALOGS).sort());
  });

  describe.each(catalogs)("the %s catalog", (locale, catalog) => {
    it("has exactly the English keys", () => {
      expect(Object.keys(catalog).sort()).toEqual(englishKeys);
    });

    it("has a message for every key", () => {
      for (const [key, message] of Object.entries(catalog)) expect(message.trim(), key).not.toBe("");
    });

    it("parses every message as ICU MessageFormat", () => {
      for (const [key, message] of Object.entries(catalog)) {
        expect(() => new IntlMessageFormat(message, locale), `${locale}: ${key}`).not.toThrow();
      }
    });

    it("uses the same placeholders as the English message", () => {
      const placeholders = (message: string) =>
        [...argumentsOf(new IntlMessageFormat(message, locale).getAst())].sort();
      for (const key of englishKeys) {
        const english = (en as Record<string, string>)[key] ?? "";
        expect(placeholders(catalog[key] ?? ""), `${locale}: ${key}`).toEqual(placeholders(english));
      }
    });
  });

  it("formats a message with its values", () => {
    const { t } = i18nFor("en");
    expect(t("layout.title", { page: "Campaigns", site: "iwelcome" })).toBe("Campaigns – iwelcome");
    expect(t("home.figureSource", { source: "UNHCR" })).toBe("Source: UNHCR");
  });

  it("uses every key somewhere in the source, written out in full", () => {
    const source = sourceText();
    const quoted = (key: string) => [`"${key}"`, `'${key}'`, `\`${key}\``].some((q) => source.includes(q));
    const unused = englishKeys.filter((key) => !quoted(key));
    expect(unused, `unused keys (in ${relative(".", CATALOG_DIR)}/en.json)`).toEqual([]);
  });
});
