import type { VNode } from "preact";
import type { I18n } from "../modules/i18n/i18n.ts";
import type { Locale } from "../modules/i18n/locales.ts";

export interface PageOptions {
  title: string;
  status?: number;
  hasErrors?: boolean;
  description?: string;
  /** Open Graph and Twitter card tags, for pages worth sharing. */
  openGraph?: OpenGraph;
  /** "embed": the bare frame for pages shown inside another site's iframe. */
  layout?: "site" | "embed";
}

export interface OpenGraph {
  title: string;
  description: string;
  /** Absolute URLs. */
  url: string;
  image?: string;
  imageAlt?: string;
}

declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
    i18n: I18n;
    /** The request path without its locale prefix or query string. */
    pagePath: string;
  }
  interface FastifyReply {
    /** Renders a page in the site's layout and sends it. */
    // biome-ignore lint/suspicious/noExplicitAny: any page component's props
    page(body: VNode<any>, options: PageOptions): FastifyReply;
    /** The CSRF token for a form on this response, setting its cookie when needed. */
    csrfToken(): string;
  }
  interface FastifyContextConfig {
    /** false for the few POST routes that cannot carry a token (API keys, one-click unsubscribe). */
    csrf?: boolean;
  }
}
