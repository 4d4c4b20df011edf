import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { acceptUploads, uploadOf } from "../../http/uploads.ts";
import type { FieldError } from "../../views/Form.tsx";
import { textOf } from "../campaigns/campaign-input.ts";
import { listUpdatesForEditor } from "../campaigns/editor.repo.ts";
import { requireCampaign } from "../campaigns/editor.service.ts";
import { type ImageForm, removeCampaignImage, saveCampaignImage } from "../campaigns/image.service.ts";
import { IMAGE_MAX_BYTES } from "../campaigns/image-files.ts";
import {
  editUpdate,
  getUpdate,
  postUpdate,
  readUpdateForm,
  removeUpdate,
  type UpdateForm,
} from "../campaigns/timeline.service.ts";
import { getTranslation, saveTranslation, type TranslationForm } from "../campaigns/translation-editor.service.ts";
import { backTo, bodyOf, doneOf, errorsOf, idParam, WRITE_LIMIT } from "./campaign-route-helpers.ts";
import { requireArea, type StaffRoutes, viewerOf } from "./staff-area.ts";
import { CampaignImagePage } from "./views/CampaignImagePage.tsx";
import { isolated } from "./views/CampaignLinks.tsx";
import { CampaignTranslationPage } from "./views/CampaignTranslationPage.tsx";
import { CampaignUpdatesPage, EditUpdatePage } from "./views/CampaignUpdatesPages.tsx";

/** A campaign's picture, its timeline of updates, and its translations. */
export const campaignContentRoutes: StaffRoutes = async (app, deps) => {
  const sendImagePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[],
    form?: ImageForm,
  ) => {
    const staff = requireArea(request, "campaigns");
    const campaign = await requireCampaign(deps.db, idParam(request));
    const words = form ?? {
      alt: campaign.image_alt ?? "",
      caption: campaign.image_caption ?? "",
      credit: campaign.image_credit ?? "",
    };
    return reply.page(
      h(CampaignImagePage, { staff: viewerOf(staff), campaign, errors, words, done: doneOf(request) }),
      {
        title: request.i18n.t("admin.image.heading", { title: isolated(campaign.title) }),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/campaigns/:id/image", async (request, reply) => sendImagePage(request, reply, []));

  // Multipart is understood here only: the picture form is the one form that sends a file.
  await app.register(async (uploads) => {
    await acceptUploads(uploads, { fileSize: IMAGE_MAX_BYTES, fields: 10, fieldSize: 10_000 });
    uploads.post(
      "/admin/campaigns/:id/image",
      { config: { rateLimit: { max: 20, timeWindow: "1 minute" } }, bodyLimit: IMAGE_MAX_BYTES + 64 * 1024 },
      async (request, reply) => {
        const staff = requireArea(request, "campaigns");
        const id = idParam(request);
        const body = bodyOf(request);
        const form: ImageForm = {
          file: uploadOf(body.image),
          alt: textOf(body, "alt"),
          caption: textOf(body, "caption"),
          credit: textOf(body, "credit"),
        };
        const result = await saveCampaignImage(deps, staff.user.id, id, form);
        if (!result.ok) return sendImagePage(request, reply, errorsOf(request.i18n, result.problems), form);
        return reply.redirect(backTo(request, `/admin/campaigns/${id}/image`, "image-saved"), 303);
      },
    );
  });

  app.post("/admin/campaigns/:id/image/remove", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "campaigns");
    const id = idParam(request);
    await removeCampaignImage(deps, staff.user.id, id);
    return reply.redirect(backTo(request, `/admin/campaigns/${id}/image`, "image-removed"), 303);
  });

  const sendUpdates = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[], form?: UpdateForm) => {
    const staff = requireArea(request, "campaigns");
    const campaign = await requireCampaign(deps.db, idParam(request));
    const updates = await listUpdatesForEditor(deps.db, campaign.id);
    return reply.page(
      h(CampaignUpdatesPage, {
        staff: viewerOf(staff),
        campaign,
        updates,
        errors,
        form: form ?? { title: "", body: "" },
        done: doneOf(request),
      }),
      {
        title: request.i18n.t("admin.updates.heading", { title: isolated(campaign.title) }),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/campaigns/:id/updates", async (request, reply) => sendUpdates(request, reply, []));

  app.post("/admin/campaigns/:id/updates", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "campaigns");
    const id = idParam(request);
    const form = readUpdateForm(bodyOf(request));
    const result = await postUpdate(deps, staff.user.id, id, form);
    if (!result.ok) return sendUpdates(request, reply, errorsOf(request.i18n, result.problems), form);
    return reply.redirect(backTo(request, `/admin/campaigns/${id}/updates`, "update-posted"), 303);
  });

  const sendUpdate = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[], form?: UpdateForm) => {
    const staff = requireArea(request, "campaigns");
    const campaign = await requireCampaign(deps.db, idParam(request));
    const update = await getUpdate(deps, campaign.id, idParam(request, "updateId"));
    return reply.page(
      h(EditUpdatePage, {
        staff: viewerOf(staff),
        campaign,
        update,
        errors,
        form: form ?? { title: update.title, body: update.body_md },
      }),
      {
        title: request.i18n.t("admin.update.editHeading"),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/campaigns/:id/updates/:updateId", async (request, reply) => sendUpdate(request, reply, []));

  app.post("/admin/campaigns/:id/updates/:updateId", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "campaigns");
    const id = idParam(request);
    const form = readUpdateForm(bodyOf(request));
    const result = await editUpdate(deps, staff.user.id, id, idParam(request, "updateId"), form);
    if (!result.ok) return sendUpdate(request, reply, errorsOf(request.i18n, result.problems), form);
    return reply.redirect(backTo(request, `/admin/campaigns/${id}/updates`, "update-saved"), 303);
  });

  app.post("/admin/campaigns/:id/updates/:updateId/remove", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "campaigns");
    const id = idParam(request);
    await removeUpdate(deps, staff.user.id, id, idParam(request, "updateId"));
    return reply.redirect(backTo(request, `/admin/campaigns/${id}/updates`, "update-removed"), 303);
  });

  const sendTranslation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[],
    form?: TranslationForm,
  ) => {
    const staff = requireArea(request, "campaigns");
    const { locale } = request.params as { locale: string };
    const translation = await getTranslation(deps, idParam(request), locale);
    return reply.page(
      h(CampaignTranslationPage, {
        staff: viewerOf(staff),
        ...translation,
        form: form ?? translation.form,
        errors,
        done: doneOf(request),
      }),
      {
        title: request.i18n.t("admin.translation.heading", {
          title: isolated(translation.campaign.title),
          language: request.i18n.languageName(translation.locale),
        }),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/campaigns/:id/translations/:locale", async (request, reply) => sendTranslation(request, reply, []));

  app.post("/admin/campaigns/:id/translations/:locale", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "campaigns");
    const id = idParam(request);
    const { locale } = request.params as { locale: string };
    const result = await saveTranslation(deps, staff.user.id, id, locale, bodyOf(request));
    if (!result.ok) return sendTranslation(request, reply, errorsOf(request.i18n, result.problems), result.form);
    return reply.redirect(backTo(request, `/admin/campaigns/${id}/translations/${locale}`, "translation-saved"), 303);
  });
};
