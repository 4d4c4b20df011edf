import { IntlMessageFormat } from "intl-messageformat";
import ar from "./catalogs/ar.json" with { type: "json" };
import en from "./catalogs/en.json" with { type: "json" };
import es from "./catalogs/es.json" with { type: "json" };
import fa from "./catalogs/fa.json" with { type: "json" };
import fr from "./catalogs/fr.json" with { type: "json" };
import nb from "./catalogs/nb.json" with { type: "json" };
import { type Locale, localeInfo } from "./locales.ts";

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number | Date>;
type Catalog = Record<MessageKey, string>;

/** Every locale's catalog. A locale's catalog must hold every key the English one has. */
export const CATALOGS: Record<Locale, Catalog> = { en, nb, fr, es, ar, fa };

/** What a page, an email or a file needs to speak one language. */
export interface I18n {
  locale: Locale;
  dir: "ltr" | "rtl";
  t(key: MessageKey, values?: MessageValues): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  formatDate(value: Date | string, options?: Intl.DateTimeFormatOptions): string;
  countryName(code: string): string;
  /** A language's name in this language ("Arabic", "arabe", "العربية"…). */
  languageName(code: string): string;
}

const compiled = new Map<string, IntlMessageFormat>();

function message(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGS[locale][key], localeInfo(locale).intl);
    compiled.set(id, format);
  }
  return format;
}

const RTL_TEXT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * Text put into a message (a name, a title, a place) keeps its own direction: on a
 * right-to-left page, or when it is itself right-to-left, it is wrapped in the Unicode
 * first-strong isolate, so that "Amina, Norway" or an English title in an Arabic sentence
 * is not reordered with the words around it.
 */
function isolated(dir: "ltr" | "rtl", values: MessageValues | undefined): MessageValues | undefined {
  if (!values) return values;
  const out: MessageValues = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = typeof value === "string" && (dir === "rtl" || RTL_TEXT.test(value)) ? `\u2068${value}\u2069` : value;
  }
  return out;
}

const cache = new Map<Locale, I18n>();

export function i18nFor(locale: Locale): I18n {
  const cached = cache.get(locale);
  if (cached) return cached;
  const tag = localeInfo(locale).intl;
  const regions = new Intl.DisplayNames([tag], { type: "region", fallback: "code" });
  const countryNames = new Map<string, string>();
  const languages = new Intl.DisplayNames([tag], { type: "language", fallback: "code" });
  const i18n: I18n = {
    locale,
    dir: localeInfo(locale).dir,
    t: (key, values) => String(message(locale, key).format(isolated(localeInfo(locale).dir, values))),
    formatNumber: (value, options) => new Intl.NumberFormat(tag, options).format(value),
    formatDate: (value, options = { dateStyle: "long" }) =>
      new Intl.DateTimeFormat(tag, { timeZone: "UTC", ...options }).format(
        typeof value === "string" ? new Date(value) : value,
      ),
    countryName: (code) => {
      let name = countryNames.get(code);
      if (name === undefined) {
        name = regions.of(code.toUpperCase()) ?? code;
        countryNames.set(code, name);
      }
      return name;
    },
    languageName: (code) => languages.of(code) ?? code,
  };
  cache.set(locale, i18n);
  return i18n;
}
