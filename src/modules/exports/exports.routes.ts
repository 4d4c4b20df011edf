import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { exportSignatures, exportSupporters } from "./csv-exports.service.ts";
import { deliveryPack } from "./delivery-pack.service.ts";
import { type Problem, readDeliveryForm, readSignatureExport, readSupporterExport } from "./export-input.ts";
import { findCampaign } from "./exports.repo.ts";
import { DeliveryPackPage, SignatureExportPage, SupporterExportPage } from "./views/ExportPages.tsx";

/** Downloads are few and heavy: a handful a minute is plenty for a person, and a brake on a script. */
const downloadLimit = { config: { rateLimit: { max: 10, timeWindow: "1 minute" } } };

/** A file for the browser to save, never to keep in a cache. */
function attachment(reply: FastifyReply, type: string, filename: string) {
  return reply
    .type(type)
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "no-store")
    .header("x-content-type-options", "nosniff");
}

/** Today, for file names: signatures-stop-returns-2026-11-24.csv. */
const today = () => new Date().toISOString().slice(0, 10);
/** A slug as it may stand in a file name (slugs are already only a-z, 0-9 and hyphens). */
const safe = (slug: string) => slug.replace(/[^a-z0-9-]/g, "");

/** CSV exports of signatures and supporters, and the delivery pack (PDF) for a petition's target. */
export const exportRoutes: StaffRoutes = (app, deps) => {
  async function campaignOf(request: FastifyRequest) {
    const id = Number((request.params as { id: string }).id);
    const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaign(deps.db, id) : undefined;
    if (!campaign) throw new NotFoundError();
    return campaign;
  }
  const errorsOf = (request: FastifyRequest, problems: Problem[]) =>
    problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));

  // Signatures of one petition.
  const blankSignatures = { status: "confirmed", country: "", from: "", to: "" };
  app.get("/admin/campaigns/:id/export", async (request, reply) => {
    const staff = requireArea(request, "exports");
    const campaign = await campaignOf(request);
    return reply.page(h(SignatureExportPage, { staff: viewerOf(staff), campaign, form: blankSignatures, errors: [] }), {
      title: request.i18n.t("export.signatures.heading", { title: campaign.title }),
    });
  });
  app.post("/admin/campaigns/:id/signatures.csv", downloadLimit, async (request, reply) => {
    const staff = requireArea(request, "exports");
    const campaign = await campaignOf(request);
    const { form, filter, problems } = readSignatureExport(request.body, campaign.id);
    if (!filter) {
      return reply.page(
        h(SignatureExportPage, { staff: viewerOf(staff), campaign, form, errors: errorsOf(request, problems) }),
        { title: request.i18n.t("export.signatures.heading", { title: campaign.title }), status: 400, hasErrors: true },
      );
    }
    const file = exportSignatures(deps, { staffUserId: staff.user.id, i18n: request.i18n, filter });
    return attachment(reply, "text/csv; charset=utf-8", `signatures-${safe(campaign.slug)}-${today()}.csv`).send(file);
  });

  // Supporters.
  const blankSupporters = { members: false, consent: false, country: "", language: "", since: "" };
  app.get("/admin/exports", async (request, reply) => {
    const staff = requireArea(request, "exports");
    return reply.page(h(SupporterExportPage, { staff: viewerOf(staff), form: blankSupporters, errors: [] }), {
      title: request.i18n.t("export.supporters.heading"),
    });
  });
  app.post("/admin/supporters.csv", downloadLimit, async (request, reply) => {
    const staff = requireArea(request, "exports");
    const { form, filter, problems } = readSupporterExport(request.body);
    if (!filter) {
      return reply.page(h(SupporterExportPage, { staff: viewerOf(staff), form, errors: errorsOf(request, problems) }), {
        title: request.i18n.t("export.supporters.heading"),
        status: 400,
        hasErrors: true,
      });
    }
    const file = exportSupporters(deps, { staffUserId: staff.user.id, i18n: request.i18n, filter });
    return attachment(reply, "text/csv; charset=utf-8", `supporters-${today()}.csv`).send(file);
  });

  // The delivery pack.
  app.get("/admin/campaigns/:id/delivery", async (request, reply) => {
    const staff = requireArea(request, "exports");
    const campaign = await campaignOf(request);
    const form = { language: request.locale, comments: false };
    return reply.page(h(DeliveryPackPage, { staff: viewerOf(staff), campaign, form, errors: [] }), {
      title: request.i18n.t("delivery.heading", { title: campaign.title }),
    });
  });
  app.post("/admin/campaigns/:id/delivery.pdf", downloadLimit, async (request, reply) => {
    const staff = requireArea(request, "exports");
    const campaign = await campaignOf(request);
    const { form, locale, problems } = readDeliveryForm(request.body, request.locale);
    if (!locale) {
      return reply.page(
        h(DeliveryPackPage, { staff: viewerOf(staff), campaign, form, errors: errorsOf(request, problems) }),
        { title: request.i18n.t("delivery.heading", { title: campaign.title }), status: 400, hasErrors: true },
      );
    }
    const file = await deliveryPack(deps, { staffUserId: staff.user.id, campaign, locale, comments: form.comments });
    return attachment(reply, "application/pdf", `delivery-${safe(campaign.slug)}-${today()}.pdf`).send(file);
  });
};
