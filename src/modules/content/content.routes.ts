import type { FastifyInstance } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import { getContentPage, getHomePage, PAGE_SLUGS } from "./content.service.ts";
import { getTakeActionPage } from "./take-action.service.ts";
import { ContentPage } from "./views/ContentPage.tsx";
import { HomePage } from "./views/HomePage.tsx";
import { TakeActionPage } from "./views/TakeActionPage.tsx";

/**
 * The site's own pages, each at a URL of its own; any other page lives under /pages/.
 * /take-action (below) and /learn (learn module) add lists of their own to their page's words.
 */
const PAGE_URLS = {
  "/calling-for": PAGE_SLUGS.callingFor,
  "/privacy": PAGE_SLUGS.privacy,
  "/accessibility": PAGE_SLUGS.accessibility,
  "/contact": PAGE_SLUGS.contact,
} as const;

export async function contentRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get("/", async (request, reply) => {
    const home = await getHomePage(deps, request.locale);
    // The same for everyone (no form on it), so a CDN may keep it; see http/cache.ts.
    return reply
      .header("cache-control", PUBLIC_CACHE.page)
      .page(h(HomePage, home), { title: home.intro.title, description: home.intro.summary });
  });

  app.get("/take-action", async (request, reply) => {
    const page = await getTakeActionPage(deps, request.locale);
    return reply
      .header("cache-control", PUBLIC_CACHE.page)
      .page(h(TakeActionPage, page), { title: page.intro.title, description: page.intro.summary });
  });

  for (const [url, slug] of Object.entries(PAGE_URLS)) {
    app.get(url, async (request, reply) => {
      const page = await getContentPage(deps, slug, request.locale);
      return reply
        .header("cache-control", PUBLIC_CACHE.page)
        .page(h(ContentPage, { page }), { title: page.title, description: page.summary });
    });
  }

  app.get<{ Params: { slug: string } }>("/pages/:slug", async (request, reply) => {
    const page = await getContentPage(deps, request.params.slug, request.locale);
    return reply
      .header("cache-control", PUBLIC_CACHE.page)
      .page(h(ContentPage, { page }), { title: page.title, description: page.summary });
  });
}
