import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { type I18n, i18nFor } from "../modules/i18n/i18n.ts";
import { DEFAULT_LOCALE, isLocale, localisedPath, negotiateLocale, splitLocale } from "../modules/i18n/locales.ts";

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

/** A request's language, even for one refused before the hooks ran. */
export function requestI18n(request: { i18n: I18n | null }): I18n {
  return request.i18n ?? i18nFor(DEFAULT_LOCALE);
}

/** The cookie that remembers a language chosen with the switcher. */
export const LANGUAGE_COOKIE = "lang";

/** Only a path on this site may follow a language switch (no open redirect). */
export function safeLocalPath(next: unknown): string {
  // Browsers drop tabs and line breaks from URLs and read a backslash as a slash, so
  // "/\t/evil.example" would leave the site: any of them, or "//", and it is the home page.
  if (typeof next !== "string" || !next.startsWith("/") || /[\p{Cc}\s\\]/u.test(next) || next.startsWith("//")) {
    return "/";
  }
  return next;
}

/**
 * Gives each request its language. Routes are written once without a prefix: the
 * server's rewriteUrl (see app.ts) strips it, and this hook reads it back from the
 * original URL. The bare home page (/) sends a first-time visitor to their language: the
 * one they chose before (cookie), else the best match for their browser's languages.
 */
export const i18n = fp(
  async (app: FastifyInstance, { secureCookies }: { secureCookies: boolean }) => {
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

    app.addHook("preHandler", async (request, reply) => {
      if (request.method !== "GET" || request.originalUrl !== "/") return;
      reply.header("vary", "Accept-Language, Cookie");
      const chosen = request.cookies[LANGUAGE_COOKIE];
      const locale = chosen && isLocale(chosen) ? chosen : negotiateLocale(request.headers["accept-language"]);
      if (locale !== DEFAULT_LOCALE) return reply.redirect(localisedPath(locale, "/"), 302);
    });

    // The language switcher: remember the choice, then show the same page in that language.
    app.get<{ Params: { locale: string }; Querystring: { next?: string } }>(
      "/language/:locale",
      async (request, reply) => {
        const { locale } = request.params;
        const next = safeLocalPath(request.query.next);
        if (!isLocale(locale)) return reply.redirect(next, 303);
        reply.setCookie(LANGUAGE_COOKIE, locale, {
          path: "/",
          maxAge: 365 * 24 * 60 * 60,
          httpOnly: true,
          sameSite: "lax",
          secure: secureCookies,
        });
        return reply.header("cache-control", "no-store").redirect(localisedPath(locale, next), 303);
      },
    );
  },
  { name: "i18n", dependencies: ["@fastify/cookie"] },
);
