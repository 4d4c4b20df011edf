import type { ComponentChildren } from "preact";
import { usePage } from "./context.ts";
import { ICON } from "./Layout.tsx";

/** The bare page for an iframe on another site: no navigation, the same look and script. */
export function EmbedLayout({
  title,
  hasErrors,
  children,
}: {
  title: string;
  hasErrors?: boolean;
  children: ComponentChildren;
}) {
  const { i18n, nonce, assets } = usePage();
  const t = i18n.t;
  const fullTitle = t("layout.title", { page: title, site: t("site.name") });
  return (
    <html lang={i18n.locale} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{hasErrors ? t("layout.errorTitle", { title: fullTitle }) : fullTitle}</title>
        <link rel="icon" href={ICON} />
        <link rel="stylesheet" href={assets.style} />
        <script type="module" src={assets.script} nonce={nonce} />
      </head>
      <body class="embed">
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
