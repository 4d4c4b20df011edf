import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withoutLocale } from "../../../src/http/i18n.ts";
import {
  DEFAULT_LOCALE,
  isLocale,
  LOCALES,
  type Locale,
  type LocaleInfo,
  localeInfo,
  localisedPath,
  negotiateLocale,
  splitLocale,
} from "../../../src/modules/i18n/locales.ts";

// To prove the rules for tags with a region, this file (and only this file: Vitest gives
// each file its own modules) adds one more language.
const EXTRA: LocaleInfo[] = [{ code: "pt-BR", name: "Português (Brasil)", dir: "ltr", intl: "pt-BR" }];
const locales = LOCALES as unknown as LocaleInfo[];
const ar = "ar" as Locale;
const ptBR = "pt-BR" as Locale;

beforeAll(() => {
  locales.push(...EXTRA);
});
afterAll(() => {
  locales.splice(locales.length - EXTRA.length, EXTRA.length);
});

describe("locales", () => {
  it("has English as the default, spoken left to right", () => {
    expect(DEFAULT_LOCALE).toBe("en");
    expect(localeInfo(DEFAULT_LOCALE)).toEqual({ code: "en", name: "English", dir: "ltr", intl: "en" });
    expect(localeInfo(ar).dir).toBe("rtl");
  });

  it("knows which locales it speaks", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("ar")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale("AR")).toBe(false);
  });

  describe("splitLocale", () => {
    it.each([
      ["/ar/campaigns", "ar", "/campaigns"],
      ["/ar/campaigns/stop-returns", "ar", "/campaigns/stop-returns"],
      ["/ar", "ar", "/"],
      ["/ar/", "ar", "/"],
      ["/pt-BR/join", "pt-BR", "/join"],
      ["/campaigns", "en", "/campaigns"],
      ["/", "en", "/"],
    ])("splits %s into %s and %s", (path, locale, rest) => {
      expect(splitLocale(path)).toEqual({ locale, path: rest });
    });

    it.each([
      ["the default locale, which has no prefix", "/en/campaigns"],
      ["a language the site does not speak", "/de/campaigns"],
      ["a prefix in capitals", "/AR/campaigns"],
      ["a word that starts like a locale", "/architecture"],
      ["a locale code followed by more letters", "/arx/campaigns"],
      ["a locale and a hyphenated word", "/ar-campaigns"],
    ])("leaves a path alone that starts with %s", (_what, path) => {
      expect(splitLocale(path)).toEqual({ locale: "en", path });
    });
  });

  describe("localisedPath", () => {
    it("gives the default locale's pages no prefix", () => {
      expect(localisedPath("en", "/")).toBe("/");
      expect(localisedPath("en", "/campaigns")).toBe("/campaigns");
    });

    it("puts other locales' code in front, and their home page at /code", () => {
      expect(localisedPath(ar, "/campaigns")).toBe("/ar/campaigns");
      expect(localisedPath(ar, "/")).toBe("/ar");
      expect(localisedPath(ptBR, "/join")).toBe("/pt-BR/join");
    });

    it("is undone by splitLocale, for any path and locale", () => {
      const path = fc
        .webPath()
        .map((p) => (p.startsWith("/") ? p : `/${p}`))
        .filter((p) => splitLocale(p).path === p);
      const locale = fc.constantFrom(...locales.map((l) => l.code as Locale));
      fc.assert(
        fc.property(locale, path, (l, p) => {
          expect(splitLocale(localisedPath(l, p))).toEqual({ locale: l, path: p });
        }),
      );
    });
  });

  it("routes a prefixed URL to the page without the prefix, keeping its query", () => {
    expect(withoutLocale("/ar/campaigns?page=2")).toBe("/campaigns?page=2");
    expect(withoutLocale("/ar?x=1")).toBe("/?x=1");
    expect(withoutLocale("/campaigns?lang=/ar/")).toBe("/campaigns?lang=/ar/");
  });

  describe("negotiateLocale", () => {
    it.each([
      [undefined, "en"],
      ["", "en"],
      ["ar", "ar"],
      ["AR", "ar"],
      ["ar-EG,ar;q=0.9", "ar"],
      ["pt-BR", "pt-BR"],
      ["pt-br", "pt-BR"],
      ["de-DE,de;q=0.9,ar;q=0.8,en;q=0.7", "ar"],
      ["en;q=0.8, ar;q=0.9", "ar"],
      ["ar;q=0, en", "en"],
      ["de, it", "en"],
      ["*", "en"],
      ["ar;q=0.5 , en ; q=0.2", "ar"],
      [";;;,,,q=,=;", "en"],
      ["de, ar ; q=0.5", "ar"],
      ["ar;Q=0, en", "en"],
      ["ar;q=NaN", "en"],
      ["ar;q=high, pt-BR;q=0.1", "pt-BR"],
    ])("picks %j → %s", (header, expected) => {
      expect(negotiateLocale(header)).toBe(expected);
    });

    it("prefers the first of equally weighted languages", () => {
      expect(negotiateLocale("ar, en")).toBe("ar");
      expect(negotiateLocale("en, ar")).toBe("en");
    });

    it("always answers a locale the site speaks, whatever the header", () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (header) => {
          expect(isLocale(negotiateLocale(header))).toBe(true);
        }),
      );
    });
  });
});
