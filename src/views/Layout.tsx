import type { ComponentChildren } from "preact";
import { LOCALES, localisedPath } from "../modules/i18n/locales.ts";
import { usePage } from "./context.ts";

const NAV = [
  { href: "/", key: "nav.home" },
  { href: "/campaigns", key: "nav.campaigns" },
  { href: "/take-action", key: "nav.takeAction" },
  { href: "/join", key: "nav.join" },
  { href: "/learn", key: "nav.learn" },
] as const;

const FOOTER = [
  { href: "/privacy", key: "footer.privacy" },
  { href: "/accessibility", key: "footer.accessibility" },
  { href: "/contact", key: "footer.contact" },
] as const;

function isCurrent(href: string, path: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

function LanguageSwitcher() {
  const { i18n, path } = usePage();
  return (
    <nav class="languages" aria-label={i18n.t("languages.label")}>
      <ul>
        {LOCALES.map((l) => (
          <li key={l.code}>
            <a
              href={localisedPath(l.code, path)}
              lang={l.code}
              hreflang={l.code}
              aria-current={l.code === i18n.locale ? "true" : undefined}
            >
              {l.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface LayoutProps {
  /** The page's own title; the site name is added after it. */
  title: string;
  /** Pages showing form errors say so first in the title. */
  hasErrors?: boolean;
  description?: string;
  children: ComponentChildren;
}

export function Layout({ title, hasErrors, description, children }: LayoutProps) {
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
        <meta name="theme-color" content="#ffd400" />
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
