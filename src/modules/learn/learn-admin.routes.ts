import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { backTo, errorsOf, idParam, WRITE_LIMIT } from "../admin/campaign-route-helpers.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { noticeOf } from "../content/content-admin.routes.ts";
import { findLearnResource, listLearnResources } from "./resources.repo.ts";
import {
  deleteLearnResource,
  formOfResource,
  type ResourceForm,
  readResourceForm,
  saveLearnResource,
} from "./resources.service.ts";
import { AdminLearnPage, AdminLearnResourcePage } from "./views/AdminLearn.tsx";

/** The content area's Learn resources: courses and readings elsewhere, listed on /learn. */
export const learnAdminRoutes: StaffRoutes = (app, deps) => {
  const sendList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form?: ResourceForm,
    errors: FieldError[] = [],
  ) => {
    const staff = requireArea(request, "content");
    const resources = await listLearnResources(deps.db);
    return reply.page(
      h(AdminLearnPage, {
        staff: viewerOf(staff),
        resources,
        form: form ?? { title: "", description: "", url: "", language: "en", position: "" },
        errors,
        notice: noticeOf(request, request.i18n),
      }),
      {
        title: request.i18n.t("admin.learn.heading"),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/learn", async (request, reply) => sendList(request, reply));

  app.post("/admin/learn", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const form = readResourceForm(request.body);
    const outcome = await saveLearnResource(deps, staff.user.id, null, form);
    if (!outcome.ok) return sendList(request, reply, form, errorsOf(request.i18n, outcome.problems));
    return reply.redirect(backTo(request, "/admin/learn", "added"), 303);
  });

  const sendOne = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form?: ResourceForm,
    errors: FieldError[] = [],
  ) => {
    const staff = requireArea(request, "content");
    const id = idParam(request);
    const resource = await findLearnResource(deps.db, id);
    if (!resource) throw new NotFoundError();
    return reply.page(
      h(AdminLearnResourcePage, { staff: viewerOf(staff), id, form: form ?? formOfResource(resource), errors }),
      {
        title: request.i18n.t("admin.learn.edit"),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/learn/:id", async (request, reply) => sendOne(request, reply));

  app.post("/admin/learn/:id", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const form = readResourceForm(request.body);
    const outcome = await saveLearnResource(deps, staff.user.id, idParam(request), form);
    if (!outcome.ok) return sendOne(request, reply, form, errorsOf(request.i18n, outcome.problems));
    return reply.redirect(backTo(request, "/admin/learn", "saved"), 303);
  });

  app.post("/admin/learn/:id/delete", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    await deleteLearnResource(deps, staff.user.id, idParam(request));
    return reply.redirect(backTo(request, "/admin/learn", "deleted"), 303);
  });
};
