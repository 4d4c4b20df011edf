import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { networkHash } from "../../http/network.ts";
import { sendCampaignPage } from "../campaigns/campaign-page.ts";
import { localisedPath } from "../i18n/locales.ts";
import { confirmSignature, describeConfirmation } from "./confirm.service.ts";
import { signingGuards } from "./sign-limits.ts";
import { readSignatureForm } from "./signature-input.ts";
import { signPetition } from "./signing.service.ts";
import { sourceFields, sourceFromForm } from "./source.ts";
import { getThankYou, resendConfirmation } from "./thank-you.service.ts";
import { ConfirmPage } from "./views/ConfirmPage.tsx";
import { ThankYouPage } from "./views/ThankYouPage.tsx";

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

export async function petitionRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const secret = deps.config.secretKey;
  /** Limits count per network and petition: a flood on one petition leaves the others alone. */
  const perPetition = (max: number, timeWindow: string) => ({
    rateLimit: {
      max,
      timeWindow,
      keyGenerator: (request: FastifyRequest) =>
        `${networkHash(secret, request.ip)}:${(request.params as { slug?: string }).slug ?? ""}`,
    },
  });
  const thankYouUrl = (request: FastifyRequest, slug: string, query: Record<string, string>) =>
    `${localisedPath(request.locale, `/campaigns/${slug}/thank-you`)}?${new URLSearchParams(query)}`;

  const guards = signingGuards(app, deps);
  app.post<{ Params: { slug: string } }>(
    "/campaigns/:slug/signatures",
    { config: { rateLimit: guards.rateLimit }, onRequest: guards.onRequest },
    async (request, reply) => {
      const { slug } = request.params;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const form = readSignatureForm(body);
      const outcome = await signPetition(deps, {
        slug,
        form,
        i18n: request.i18n,
        source: sourceFromForm(body),
        ...(await guards.screen(request, slug, body)),
      });
      if (outcome.kind === "invalid") {
        const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
        return sendCampaignPage(deps, request, reply, slug, {
          form,
          errors,
          source: sourceFields(request.body),
          status: 400,
        });
      }
      return reply.redirect(thankYouUrl(request, slug, { code: outcome.referralCode }), 303);
    },
  );

  app.get("/campaigns/:slug/thank-you", async (request: SlugRequest, reply) => {
    const query = request.query as Record<string, unknown>;
    const { campaign, referralCode } = await getThankYou(deps, request.params.slug, query.code, request.locale);
    const campaignPath = localisedPath(request.locale, `/campaigns/${campaign.slug}`);
    const shareUrl = new URL(campaignPath, deps.config.publicUrl);
    if (referralCode) shareUrl.searchParams.set("ref", referralCode);
    const moment = query.confirmed === "1" ? "confirmed" : query.resent === "1" ? "resent" : "signed";
    return reply.header("cache-control", "private, no-store").page(
      h(ThankYouPage, {
        campaign: { slug: campaign.slug, title: campaign.title, policy: campaign.signature_policy },
        moment,
        shareUrl: shareUrl.toString(),
        code: referralCode,
      }),
      { title: request.i18n.t(moment === "confirmed" ? "thanks.confirmed.heading" : "thanks.heading") },
    );
  });

  app.post<{ Params: { slug: string } }>(
    "/campaigns/:slug/confirmation-email",
    { config: perPetition(5, "10 minutes") },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      await resendConfirmation(deps, request.params.slug, body.email);
      const code = typeof body.code === "string" ? body.code : "";
      return reply.redirect(thankYouUrl(request, request.params.slug, { code, resent: "1" }), 303);
    },
  );

  app.get("/signatures/confirm", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const view = await describeConfirmation(deps, token);
    // The token must not leak in a Referer, yet the Confirm form's POST needs its Origin
    // (under no-referrer the browser sends "Origin: null" and the CSRF check refuses it).
    return reply
      .header("cache-control", "private, no-store")
      .header("referrer-policy", "strict-origin")
      .page(h(ConfirmPage, { view, token: typeof token === "string" ? token : "" }), {
        title: request.i18n.t(view.state === "valid" ? "confirm.heading" : "confirm.invalid.heading"),
        status: view.state === "valid" ? 200 : view.state === "unknown" ? 404 : 410,
      });
  });

  app.post(
    "/signatures/confirm",
    { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const token = ((request.body ?? {}) as Record<string, unknown>).token;
      const view = await confirmSignature(deps, token);
      if ((view.state === "valid" || view.state === "used") && view.campaign) {
        const query = { code: view.referralCode ?? "", confirmed: "1" };
        return reply.redirect(thankYouUrl(request, view.campaign.slug, query), 303);
      }
      const status = view.state === "unknown" ? 404 : 410;
      return reply.page(h(ConfirmPage, { view, token: "" }), {
        title: request.i18n.t("confirm.invalid.heading"),
        status,
      });
    },
  );
}
