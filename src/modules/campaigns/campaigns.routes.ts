import type { FastifyInstance } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { getCampaign, listCampaigns } from "./campaigns.service.ts";
import { CampaignPage } from "./views/CampaignPage.tsx";
import { CampaignsPage } from "./views/CampaignsPage.tsx";

export async function campaignRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get("/campaigns", async (request, reply) => {
    const campaigns = await listCampaigns(deps);
    return reply.page(h(CampaignsPage, { campaigns }), { title: request.i18n.t("campaigns.heading") });
  });

  app.get<{ Params: { slug: string } }>("/campaigns/:slug", async (request, reply) => {
    const campaign = await getCampaign(deps, request.params.slug);
    return reply.page(h(CampaignPage, { campaign }), { title: campaign.title, description: campaign.summary });
  });
}
