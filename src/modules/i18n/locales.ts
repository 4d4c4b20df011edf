/** The languages the site speaks. The first is the default and its URLs carry no prefix. */
export const LOCALES = [
  { code: "en", name: "English", dir: "ltr", intl: "en" },
  { code: "nb", name: "Norsk bokmål", dir: "ltr", intl: "nb" },
  { code: "fr", name: "Français", dir: "ltr", intl: "fr" },
  { code: "es", name: "Español", dir: "ltr", intl: "es" },
  { code: "ar", name: "العربية", dir: "rtl", intl: "ar" },
  // Persian as spoken in Afghanistan: Afghan month and country names from Intl.
  { code: "fa", name: "دری", dir: "rtl", intl: "fa-AF" },
] as const satisfies readonly LocaleInfo[];

export interface LocaleInfo {
  /** BCP 47 tag, also the URL prefix (/ar/…). */
  code: string;
  /** The language's name in itself, for the switcher. */
  name: string;
  dir: "ltr" | "rtl";
  /** The tag given to Intl and the message formatter, where it says more than the code. */
  intl: string;
}

export type Locale = (typeof LOCALES)[number]["code"];
export const DEFAULT_LOCALE: Locale = LOCALES[0].code;

export function isLocale(value: string): value is Locale {
  return LOCALES.some((l) => l.code === value);
}

/** A locale read from storage or input: itself if the site speaks it, else the default. */
export function asLocale(value: unknown): Locale {
  return typeof value === "string" && isLocale(value) ? value : DEFAULT_LOCALE;
}

export function localeInfo(locale: Locale): LocaleInfo {
  return LOCALES.find((l) => l.code === locale) ?? LOCALES[0];
}

/**
 * Splits a locale prefix off a path: "/ar/campaigns" → { locale: "ar", path: "/campaigns" }.
 * The default locale has no prefix.
 */
export function splitLocale(path: string): { locale: Locale; path: string } {
  const match = /^\/([a-z]{2,3}(?:-[A-Za-z]{2,4})?)(\/.*)?$/.exec(path);
  if (match?.[1] && match[1] !== DEFAULT_LOCALE && isLocale(match[1])) {
    return { locale: match[1], path: match[2] ?? "/" };
  }
  return { locale: DEFAULT_LOCALE, path };
}

/** The same page in another language. */
export function localisedPath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.split(";");
      // No weight means 1; a weight that is not a number drops the language.
      const weight = params.find((p) => /^\s*q\s*=/i.test(p));
      const q = weight === undefined ? 1 : Number(/^\s*q\s*=\s*([\d.]+)\s*$/i.exec(weight)?.[1] ?? Number.NaN);
      return { tag: tag.trim().toLowerCase(), q };
    })
    .filter((r) => r.tag && r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const exact = LOCALES.find((l) => l.code.toLowerCase() === tag);
    if (exact) return exact.code;
    const base = LOCALES.find((l) => l.code.toLowerCase() === tag.split("-")[0]);
    if (base) return base.code;
  }
  return DEFAULT_LOCALE;
}
