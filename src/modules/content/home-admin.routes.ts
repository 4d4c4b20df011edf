import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { FieldError } from "../../views/Form.tsx";
import { backTo, doneOf, errorsOf, WRITE_LIMIT } from "../admin/campaign-route-helpers.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { featurableCampaigns, type HomeForm, homeFormOf, readHomeForm, saveHomeLayout } from "./home-admin.service.ts";
import { AdminHomePage } from "./views/AdminHome.tsx";

/** The content area's home page: which blocks it shows, in which order, and what it features. */
export const homeAdminRoutes: StaffRoutes = (app, deps) => {
  const send = async (request: FastifyRequest, reply: FastifyReply, form?: HomeForm, errors: FieldError[] = []) => {
    const staff = requireArea(request, "content");
    const done = doneOf(request);
    const notice =
      done === "saved" || done === "moved"
        ? request.i18n.t(done === "saved" ? "admin.entry.done.saved" : "admin.entry.done.moved")
        : null;
    return reply.page(
      h(AdminHomePage, {
        staff: viewerOf(staff),
        form: form ?? (await homeFormOf(deps)),
        campaigns: await featurableCampaigns(deps),
        errors,
        notice,
      }),
      {
        title: request.i18n.t("admin.home.heading"),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/home-page", async (request, reply) => send(request, reply));

  app.post("/admin/home-page", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const form = readHomeForm(request.body);
    const outcome = await saveHomeLayout(deps, staff.user.id, form);
    if (!outcome.ok) return send(request, reply, form, errorsOf(request.i18n, outcome.problems));
    const moved = /^(up|down):([a-z-]+)$/.exec(form.move)?.[2];
    return reply.redirect(
      `${backTo(request, "/admin/home-page", moved ? "moved" : "saved")}${moved ? `#shown-${moved}` : ""}`,
      303,
    );
  });
};
