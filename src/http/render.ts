import type { FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { Page, type PageContext } from "../views/context.ts";
import { EmbedLayout } from "../views/EmbedLayout.tsx";
import { Layout } from "../views/Layout.tsx";
import type { Assets } from "./assets.ts";
import { requestI18n } from "./i18n.ts";
import type { PageOptions } from "./types.ts";

/** Renders a whole page: the layout around the body, with the page's context. */
// biome-ignore lint/suspicious/noExplicitAny: any page component's props
export function renderPage(context: PageContext, body: VNode<any>, options: PageOptions): string {
  const { title, hasErrors, description, openGraph } = options;
  const layout =
    options.layout === "embed"
      ? h(EmbedLayout, { title, hasErrors, children: body })
      : h(Layout, { title, hasErrors, description, openGraph, children: body });
  return `<!doctype html>${renderToString(h(Page.Provider, { value: context, children: layout }))}`;
}

export const render = fp(
  async (app: FastifyInstance, { assets }: { assets: Assets }) => {
    // biome-ignore lint/suspicious/noExplicitAny: any page component's props
    app.decorateReply("page", function (this: FastifyReply, body: VNode<any>, options: PageOptions) {
      const request = this.request;
      const nonce = (this as unknown as { cspNonce?: { script: string } }).cspNonce?.script ?? "";
      const html = renderPage(
        {
          i18n: requestI18n(request),
          path: request.pagePath,
          nonce,
          csrfToken: () => this.csrfToken(),
          requestId: request.id,
          assets,
        },
        body,
        options,
      );
      return this.code(options.status ?? 200)
        .type("text/html; charset=utf-8")
        .send(html);
    });
  },
  { name: "render", dependencies: ["csrf"] },
);
