import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { localisedPath } from "../i18n/locales.ts";
import { detailsForm } from "./group-edits.service.ts";
import { type GroupDetailsForm, readGroupDetailsForm } from "./group-input.ts";
import {
  editGroupAsStaff,
  groupForStaff,
  type OrganiserForm,
  readOrganiserForm,
  setGroupOrganiser,
} from "./group-staff-edit.service.ts";
import { listGroupsForAdmin, type PublishChange, setGroupPublished } from "./groups-admin.service.ts";
import { AdminGroupEditPage } from "./views/AdminGroupEdit.tsx";
import type { AdminGroupNotice } from "./views/AdminGroups.tsx";
import { ADMIN_GROUP_NOTICES, AdminGroupsPage } from "./views/AdminGroups.tsx";

type GroupRequest = FastifyRequest<{ Params: { id: string } }>;

function groupId(request: GroupRequest): number {
  const id = request.params.id;
  if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new NotFoundError();
  return Number(id);
}

/** The groups area: every group with its member count, and taking one off the site or back. */
export const groupAdminRoutes: StaffRoutes = (app, deps) => {
  app.get("/admin/groups", async (request, reply) => {
    const staff = requireArea(request, "groups");
    const groups = await listGroupsForAdmin(deps);
    const done = (request.query as Record<string, unknown>).done;
    return reply.page(
      h(AdminGroupsPage, {
        staff: viewerOf(staff),
        groups,
        notice:
          typeof done === "string" && Object.hasOwn(ADMIN_GROUP_NOTICES, done) ? (done as AdminGroupNotice) : null,
      }),
      { title: request.i18n.t("groups.heading") },
    );
  });

  for (const change of ["unpublish", "republish"] as const satisfies PublishChange[]) {
    app.post(
      `/admin/groups/:id/${change}`,
      { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
      async (request: GroupRequest, reply) => {
        const staff = requireArea(request, "groups");
        await setGroupPublished(deps, staff.user.id, groupId(request), change);
        return reply.redirect(`${localisedPath(request.locale, "/admin/groups")}?done=${change}`, 303);
      },
    );
  }

  const sendEditPage = async (
    request: GroupRequest,
    reply: FastifyReply,
    form: { details?: GroupDetailsForm; organiser?: OrganiserForm; errors?: { field: string; message: string }[] } = {},
  ) => {
    const staff = requireArea(request, "groups");
    const group = await groupForStaff(deps, groupId(request));
    if (!group) throw new NotFoundError();
    const errors = form.errors ?? [];
    return reply.page(
      h(AdminGroupEditPage, {
        staff: viewerOf(staff),
        groupId: group.id,
        groupName: group.name,
        details: form.details ?? detailsForm(group),
        organiser: form.organiser ?? {
          name: group.organiser_email ? group.organiser_name : "",
          email: group.organiser_email ?? "",
        },
        errors,
      }),
      {
        title: request.i18n.t("groups.admin.edit.heading", { group: group.name }),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/groups/:id/edit", async (request: GroupRequest, reply) => sendEditPage(request, reply));

  app.post(
    "/admin/groups/:id/edit",
    { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request: GroupRequest, reply) => {
      const staff = requireArea(request, "groups");
      const details = readGroupDetailsForm(request.body);
      const outcome = await editGroupAsStaff(deps, staff.user.id, groupId(request), details);
      if (outcome.kind === "not-found") throw new NotFoundError();
      if (outcome.kind === "invalid") {
        const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
        return sendEditPage(request, reply, { details, errors });
      }
      return reply.redirect(`${localisedPath(request.locale, "/admin/groups")}?done=edit`, 303);
    },
  );

  app.post(
    "/admin/groups/:id/organiser",
    { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request: GroupRequest, reply) => {
      const staff = requireArea(request, "groups");
      const organiser = readOrganiserForm(request.body);
      const outcome = await setGroupOrganiser(deps, staff.user.id, groupId(request), organiser);
      if (outcome.kind === "not-found") throw new NotFoundError();
      if (outcome.kind === "invalid") {
        const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
        return sendEditPage(request, reply, { organiser, errors });
      }
      return reply.redirect(`${localisedPath(request.locale, "/admin/groups")}?done=organiser`, 303);
    },
  );
};
