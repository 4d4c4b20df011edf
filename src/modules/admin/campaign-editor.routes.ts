import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { DomainError } from "../../errors.ts";
import { blankCampaignForm, type CampaignForm, formOf, readCampaignForm } from "../campaigns/campaign-input.ts";
import { isTransition } from "../campaigns/campaign-states.ts";
import { withCounts } from "../campaigns/campaigns.service.ts";
import { listAllCampaigns, listTranslations } from "../campaigns/editor.repo.ts";
import {
  changeState,
  createCampaign,
  readTransitionForm,
  requireCampaign,
  type TransitionForm,
  updateCampaign,
} from "../campaigns/editor.service.ts";
import { listTopics } from "../community/topics.repo.ts";
import { renderMarkdown } from "../content/markdown.ts";
import { backTo, bodyOf, doneOf, errorsOf, idParam, WRITE_LIMIT } from "./campaign-route-helpers.ts";
import { requireArea, type StaffRoutes, viewerOf } from "./staff-area.ts";
import { CampaignEditorPage, type EditorState } from "./views/CampaignEditorPage.tsx";
import { isolated } from "./views/CampaignLinks.tsx";
import { CampaignListPage } from "./views/CampaignListPage.tsx";

/** The campaigns area: the list, a new campaign, the editor and the state changes. */
export const campaignEditorRoutes: StaffRoutes = async (app, deps) => {
  app.get("/admin/campaigns", async (request, reply) => {
    const staff = requireArea(request, "campaigns");
    const campaigns = await withCounts(deps, await listAllCampaigns(deps.db));
    return reply.page(h(CampaignListPage, { campaigns, staff: viewerOf(staff) }), {
      title: request.i18n.t("admin.campaigns.heading"),
    });
  });

  const sendEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number | null,
    state: Partial<EditorState> & { form: CampaignForm },
  ) => {
    const staff = requireArea(request, "campaigns");
    const campaign = id === null ? null : await requireCampaign(deps.db, id);
    const translations = campaign ? await listTranslations(deps.db, campaign.id) : [];
    const errors = state.errors ?? [];
    const hasErrors = errors.length > 0 || (state.transitionErrors ?? []).length > 0;
    const t = request.i18n.t;
    const heading = campaign
      ? t("admin.campaign.editHeading", { title: isolated(campaign.title) })
      : t("admin.campaign.newHeading");
    return reply.page(
      h(CampaignEditorPage, {
        staff: viewerOf(staff),
        campaign,
        topics: await listTopics(deps.db, request.locale),
        errors,
        preview: state.preview ?? null,
        transitionErrors: state.transitionErrors ?? [],
        transitionForm: state.transitionForm ?? null,
        done: doneOf(request),
        form: state.form,
        translations,
      }),
      { title: heading, status: hasErrors ? 400 : 200, hasErrors },
    );
  };

  app.get("/admin/campaigns/new", async (request, reply) => {
    requireArea(request, "campaigns");
    return sendEditor(request, reply, null, { form: blankCampaignForm(request.locale) });
  });

  /** Saves the form, or shows it again with the body rendered when Preview was pressed. */
  const save = async (request: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const staff = requireArea(request, "campaigns");
    const form = readCampaignForm(bodyOf(request));
    if (bodyOf(request).intent === "preview")
      return sendEditor(request, reply, id, { form, preview: renderMarkdown(form.body) });
    const result =
      id === null
        ? await createCampaign(deps, staff.user.id, form)
        : await updateCampaign(deps, staff.user.id, id, form);
    if (!result.ok)
      return sendEditor(request, reply, id, { form: result.form, errors: errorsOf(request.i18n, result.problems) });
    return reply.redirect(backTo(request, `/admin/campaigns/${result.id}`, id === null ? "created" : "saved"), 303);
  };

  app.post("/admin/campaigns/new", { config: WRITE_LIMIT }, async (request, reply) => save(request, reply, null));

  app.get("/admin/campaigns/:id", async (request, reply) => {
    requireArea(request, "campaigns");
    const campaign = await requireCampaign(deps.db, idParam(request));
    return sendEditor(request, reply, campaign.id, { form: formOf(campaign) });
  });

  app.post("/admin/campaigns/:id", { config: WRITE_LIMIT }, async (request, reply) =>
    save(request, reply, idParam(request)),
  );

  app.post("/admin/campaigns/:id/status", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "campaigns");
    const id = idParam(request);
    const transition = bodyOf(request).transition;
    if (!isTransition(transition)) throw new DomainError("invalid", "transition");
    const transitionForm: TransitionForm = readTransitionForm(bodyOf(request));
    const result = await changeState(deps, staff.user.id, id, transition, transitionForm);
    if (result.ok) return reply.redirect(backTo(request, `/admin/campaigns/${id}`, transition), 303);
    // A move the campaign's state does not allow (an old page, a forged form).
    if (result.problems.length === 0) throw new DomainError("conflict", "transition");
    const campaign = await requireCampaign(deps.db, id);
    return sendEditor(request, reply, id, {
      form: formOf(campaign),
      transitionErrors: errorsOf(request.i18n, result.problems),
      transitionForm,
    });
  });
};
