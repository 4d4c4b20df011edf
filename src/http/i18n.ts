import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { type I18n, i18nFor } from "../modules/i18n/i18n.ts";
import { DEFAULT_LOCALE, splitLocale } from "../modules/i18n/locales.ts";

/** The URL a route is registered under: the same, less any locale prefix. */
export function withoutLocale(url: string): string {
  const queryAt = url.indexOf("?");
  const query = queryAt === -1 ? "" : url.slice(queryAt);
  return localeOfUrl(url).path + query;
}

/** The locale comes from the URL's prefix (/ar/…); no prefix is the default locale. */
export function localeOfUrl(url: string) {
  const path = url.split("?")[0] ?? "/";
  return splitLocale(path);
}

/**
 * Gives each request its language. Routes are written once without a prefix: the
 * server's rewriteUrl (see app.ts) strips it, and this hook reads it back from the
 * original URL.
 */
/** A request's language, even for one refused before the hooks ran. */
export function requestI18n(request: { i18n: I18n | null }): I18n {
  return request.i18n ?? i18nFor(DEFAULT_LOCALE);
}

export const i18n = fp(
  async (app: FastifyInstance) => {
    // Defaults hold for the few errors raised before the hook runs (a malformed URL).
    app.decorateRequest("locale", DEFAULT_LOCALE);
    app.decorateRequest("i18n", null as never);
    app.decorateRequest("pagePath", "/");
    app.addHook("onRequest", async (request) => {
      const { locale, path } = localeOfUrl(request.originalUrl);
      request.locale = locale;
      request.i18n = i18nFor(locale);
      request.pagePath = path;
    });
  },
  { name: "i18n" },
);
