import type { FastifyInstance } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import { sourceFromVisit } from "../petitions/source.ts";
import { sendCampaignPage } from "./campaign-page.ts";
import { listCampaigns } from "./campaigns.service.ts";
import { CampaignsPage } from "./views/CampaignsPage.tsx";

export async function campaignRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get("/campaigns", async (request, reply) => {
    const campaigns = await listCampaigns(deps, request.locale);
    return reply
      .header("cache-control", PUBLIC_CACHE.page)
      .page(h(CampaignsPage, { campaigns }), { title: request.i18n.t("campaigns.heading") });
  });

  app.get<{ Params: { slug: string } }>("/campaigns/:slug", async (request, reply) => {
    const source = sourceFromVisit(request.query, request.headers.referer, [
      request.headers.host,
      deps.config.publicUrl.host,
    ]);
    return sendCampaignPage(deps, request, reply, request.params.slug, { source });
  });
}
