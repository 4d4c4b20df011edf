import type { FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { localisedPath } from "../i18n/locales.ts";
import { listGroupsForAdmin, type PublishChange, setGroupPublished } from "./groups-admin.service.ts";
import { AdminGroupsPage } from "./views/AdminGroups.tsx";

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
        notice: done === "unpublish" || done === "republish" ? done : null,
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
};
