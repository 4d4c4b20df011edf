import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import { getCount } from "./petition-api.service.ts";
import { ShareImageCache } from "./share-image/share-image-cache.ts";

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

/** The campaign's share card (og:image): its title and current count, 1200×630. */
export async function shareImageRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const cache = new ShareImageCache();
  app.get("/campaigns/:slug/share.png", async (request: SlugRequest, reply) => {
    const i18n = request.i18n;
    const first = await getCount(deps, request.params.slug, i18n);
    const png = await cache.get(`${first.campaign.id}:${i18n.locale}`, async () => {
      const { campaign, label } = await getCount(deps, request.params.slug, i18n);
      return {
        title: campaign.title,
        countText: label,
        siteName: i18n.t("site.name"),
        dir: i18n.dir,
        lang: i18n.locale,
      };
    });
    return reply.type("image/png").header("cache-control", PUBLIC_CACHE.image).send(png);
  });
}
