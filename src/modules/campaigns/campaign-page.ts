import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import type { FieldError } from "../../views/Form.tsx";
import { formChallenge } from "../abuse/challenge-switch.ts";
import { formTimeField } from "../abuse/form-guard.ts";
import { guessCountry } from "../i18n/countries.ts";
import { localisedPath } from "../i18n/locales.ts";
import { getCommentsPreview } from "../petitions/comments.service.ts";
import { getPetitionStats } from "../petitions/petition-page.service.ts";
import { blankSignatureForm, type SignatureForm } from "../petitions/signature-input.ts";
import { getCampaign } from "./campaigns.service.ts";
import { CampaignPage } from "./views/CampaignPage.tsx";

export interface CampaignPageState {
  form?: SignatureForm;
  errors?: FieldError[];
  source: Record<string, string>;
  status?: number;
}

/** Renders the campaign page, fresh or with a sign form that came back with errors. */
export async function sendCampaignPage(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  state: CampaignPageState,
) {
  const campaign = await getCampaign(deps, slug, request.locale);
  const [stats, comments, challenge] = await Promise.all([
    getPetitionStats(deps, campaign),
    getCommentsPreview(deps, campaign.id),
    formChallenge(deps, campaign.id),
  ]);
  const values: SignatureForm =
    state.form ?? blankSignatureForm(guessCountry(request.headers["accept-language"], request.locale));
  const errors = state.errors ?? [];
  const pageUrl = new URL(
    localisedPath(request.locale, `/campaigns/${campaign.slug}`),
    deps.config.publicUrl,
  ).toString();
  const embedUrl = new URL(
    localisedPath(request.locale, `/embed/petitions/${campaign.slug}`),
    deps.config.publicUrl,
  ).toString();
  return reply.page(
    h(CampaignPage, {
      campaign,
      stats,
      comments,
      // With the source fields travels the signed time the form was shown (see abuse/form-guard.ts).
      form: { values, errors, source: { ...state.source, ...formTimeField(deps, campaign.slug) }, challenge },
      embedUrl,
    }),
    {
      title: campaign.title,
      description: campaign.summary,
      status: state.status ?? 200,
      hasErrors: errors.length > 0,
      openGraph: {
        title: campaign.title,
        description: campaign.summary,
        url: pageUrl,
        image: `${pageUrl}/share.png`,
        imageAlt: request.i18n.t("petition.shareImageAlt", { title: campaign.title }),
      },
    },
  );
}
