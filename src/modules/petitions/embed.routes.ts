import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { ForbiddenError } from "../../errors.ts";
import { embeddableHelmet } from "../../http/security.ts";
import { EMBED_FIELD, type FieldError } from "../../views/Form.tsx";
import { formChallenge } from "../abuse/challenge-switch.ts";
import { formTimeField } from "../abuse/form-guard.ts";
import { takesSignatures } from "../campaigns/campaign-states.ts";
import { guessCountry } from "../i18n/countries.ts";
import { localisedPath } from "../i18n/locales.ts";
import { issueEmbedToken, isValidEmbedToken } from "./embed-token.ts";
import { isPaused, readPause } from "./pause.repo.ts";
import { getCount } from "./petition-api.service.ts";
import { signingGuards } from "./sign-limits.ts";
import { blankSignatureForm, readSignatureForm, type SignatureForm } from "./signature-input.ts";
import { signPetition } from "./signing.service.ts";
import { sourceFields, sourceFromForm, sourceFromVisit } from "./source.ts";
import { getThankYou } from "./thank-you.service.ts";
import { EmbedPage, EmbedThanks } from "./views/EmbedPage.tsx";

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

/**
 * The petition made to sit in an iframe on a partner's site: any site may frame these
 * pages (and only these). Without cookies there, the form carries a signed token instead.
 */
export async function embedRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const secret = deps.config.secretKey;
  const helmet = embeddableHelmet();

  async function sendEmbed(
    request: SlugRequest,
    reply: FastifyReply,
    state: { form?: SignatureForm; errors?: FieldError[]; source: Record<string, string>; status?: number },
  ) {
    const { campaign, total_signatures, goal } = await getCount(deps, request.params.slug, request.i18n);
    const paused = isPaused(await readPause(deps.db, campaign.id));
    const challenge = await formChallenge(deps, campaign.id);
    const values = state.form ?? blankSignatureForm(guessCountry(request.headers["accept-language"], request.locale));
    const errors = state.errors ?? [];
    return reply.page(
      h(EmbedPage, {
        campaign: {
          slug: campaign.slug,
          title: campaign.title,
          open: takesSignatures(campaign),
          paused,
          postcodeRequired: campaign.postcode_required === 1,
        },
        total: total_signatures,
        goal,
        form: {
          values,
          errors,
          source: { ...state.source, ...formTimeField(deps, campaign.slug) },
          token: issueEmbedToken(secret, campaign.slug),
          challenge,
        },
      }),
      { title: campaign.title, layout: "embed", status: state.status ?? 200, hasErrors: errors.length > 0 },
    );
  }

  app.get("/embed/petitions/:slug", { helmet }, async (request: SlugRequest, reply) => {
    return sendEmbed(request, reply, {
      source: sourceFromVisit(request.query, request.headers.referer, [
        request.headers.host,
        deps.config.publicUrl.host,
      ]),
    });
  });

  const guards = signingGuards(app, deps);
  app.post(
    "/embed/petitions/:slug/signatures",
    {
      helmet,
      config: { csrf: false, rateLimit: guards.rateLimit },
      onRequest: guards.onRequest,
    },
    async (request: SlugRequest, reply) => {
      const { slug } = request.params;
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (!isValidEmbedToken(secret, slug, body[EMBED_FIELD])) throw new ForbiddenError("csrf");
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
        return sendEmbed(request, reply, { form, errors, source: sourceFields(body), status: 400 });
      }
      const next = `${localisedPath(request.locale, `/embed/petitions/${slug}/thank-you`)}?code=${outcome.referralCode}`;
      return reply.redirect(next, 303);
    },
  );

  app.get("/embed/petitions/:slug/thank-you", { helmet }, async (request: SlugRequest, reply) => {
    const { campaign, referralCode } = await getThankYou(
      deps,
      request.params.slug,
      (request.query as { code?: unknown }).code,
      request.locale,
    );
    const shareUrl = new URL(localisedPath(request.locale, `/campaigns/${campaign.slug}`), deps.config.publicUrl);
    if (referralCode) shareUrl.searchParams.set("ref", referralCode);
    return reply.header("cache-control", "private, no-store").page(
      h(EmbedThanks, {
        campaign: { title: campaign.title, policy: campaign.signature_policy },
        shareUrl: shareUrl.toString(),
      }),
      { title: request.i18n.t("thanks.heading"), layout: "embed" },
    );
  });
}
