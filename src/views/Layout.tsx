import type { ComponentChildren } from "preact";
import type { OpenGraph } from "../http/types.ts";
import { LOCALES, localisedPath } from "../modules/i18n/locales.ts";
import { usePage } from "./context.ts";

const NAV = [
  { href: "/", key: "nav.home" },
  { href: "/campaigns", key: "nav.campaigns" },
  { href: "/take-action", key: "nav.takeAction" },
  { href: "/events", key: "nav.events" },
  { href: "/groups", key: "nav.groups" },
  { href: "/stories", key: "nav.stories" },
  { href: "/join", key: "nav.join" },
  { href: "/learn", key: "nav.learn" },
] as const;

const THEME_COLOUR = "#ffd400";

/** A square in the theme colour: without an icon, every browser asks for /favicon.ico and gets a 404. */
export const ICON = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="${THEME_COLOUR}"/></svg>`,
)}`;

const FOOTER = [
  { href: "/privacy", key: "footer.privacy" },
  { href: "/accessibility", key: "footer.accessibility" },
  { href: "/contact", key: "footer.contact" },
] as const;

function isCurrent(href: string, path: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

/**
 * The languages, folded behind the current one so that six names do not fill a phone's
 * first screen. A details element: it opens and closes without JavaScript.
 */
function LanguageSwitcher() {
  const { i18n, path } = usePage();
  const current = LOCALES.find((l) => l.code === i18n.locale) ?? LOCALES[0];
  return (
    <nav class="languages" aria-label={i18n.t("languages.label")}>
      <details class="languages__menu">
        <summary>
          <span class="visually-hidden">{i18n.t("languages.label")}: </span>
          {current.name}
        </summary>
        <ul>
          {LOCALES.map((l) => (
            <li key={l.code}>
              <a
                href={`/language/${l.code}?next=${encodeURIComponent(path)}`}
                lang={l.code}
                hreflang={l.code}
                aria-current={l.code === i18n.locale ? "true" : undefined}
              >
                {l.name}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}

export interface LayoutProps {
  /** The page's own title; the site name is added after it. */
  title: string;
  /** Pages showing form errors say so first in the title. */
  hasErrors?: boolean;
  description?: string;
  openGraph?: OpenGraph | undefined;
  children: ComponentChildren;
}

function OpenGraphTags({ og, siteName, locale }: { og: OpenGraph; siteName: string; locale: string }) {
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:locale" content={locale} />
      <meta property="og:title" content={og.title} />
      <meta property="og:description" content={og.description} />
      <meta property="og:url" content={og.url} />
      <link rel="canonical" href={og.url} />
      {og.image ? (
        <>
          <meta property="og:image" content={og.image} />
          <meta property="og:image:width" content="1200" />
          <meta property="og:image:height" content="630" />
          {og.imageAlt ? <meta property="og:image:alt" content={og.imageAlt} /> : null}
        </>
      ) : null}
      <meta name="twitter:card" content={og.image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={og.title} />
      <meta name="twitter:description" content={og.description} />
      {og.image ? <meta name="twitter:image" content={og.image} /> : null}
      {og.imageAlt ? <meta name="twitter:image:alt" content={og.imageAlt} /> : null}
    </>
  );
}

export function Layout({ title, hasErrors, description, openGraph, children }: LayoutProps) {
  const { i18n, path, nonce, assets } = usePage();
  const { t } = i18n;
  const siteName = t("site.name");
  const home = localisedPath(i18n.locale, "/");
  const fullTitle = t("layout.title", { page: title, site: siteName });
  return (
    <html lang={i18n.locale} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{hasErrors ? t("layout.errorTitle", { title: fullTitle }) : fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {openGraph ? <OpenGraphTags og={openGraph} siteName={siteName} locale={i18n.locale} /> : null}
        <meta name="theme-color" content={THEME_COLOUR} />
        <link rel="icon" href={ICON} />
        <link rel="stylesheet" href={assets.style} />
        {LOCALES.map((l) => (
          <link key={l.code} rel="alternate" hreflang={l.code} href={localisedPath(l.code, path)} />
        ))}
        <script type="module" src={assets.script} nonce={nonce} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("layout.skipToContent")}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-name" href={home}>
              {siteName}
            </a>
            <LanguageSwitcher />
          </div>
          <nav class="site-nav" aria-label={t("nav.label")}>
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <a
                    href={localisedPath(i18n.locale, item.href)}
                    aria-current={isCurrent(item.href, path) ? "page" : undefined}
                  >
                    {t(item.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <nav aria-label={t("footer.label")}>
            <ul>
              {FOOTER.map((item) => (
                <li key={item.href}>
                  <a href={localisedPath(i18n.locale, item.href)}>{t(item.key)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <p>{t("footer.tagline", { site: siteName })}</p>
        </footer>
      </body>
    </html>
  );
}
