import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { localisedPath } from "../i18n/locales.ts";
import { readEventForm, type WhenWhereForm } from "./event-input.ts";
import {
  cancelEvent,
  changeEvent,
  changeFormOf,
  getEventForStaff,
  listEventsForStaff,
} from "./events-admin.service.ts";
import { AdminEventPage, AdminEventsPage } from "./views/AdminEvents.tsx";

type EventRequest = FastifyRequest<{ Params: { id: string } }>;

function eventId(request: EventRequest): number {
  const id = request.params.id;
  if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new NotFoundError();
  return Number(id);
}

/** The events area: every event with its counts, its attendees, and cancelling it. */
export const eventAdminRoutes: StaffRoutes = (app, deps) => {
  app.get("/admin/events", async (request, reply) => {
    const staff = requireArea(request, "events");
    const events = await listEventsForStaff(deps);
    return reply.page(h(AdminEventsPage, { staff: viewerOf(staff), events }), {
      title: request.i18n.t("events.heading"),
    });
  });

  const sendEvent = async (
    request: EventRequest,
    reply: FastifyReply,
    options: { change?: WhenWhereForm; errors?: FieldError[] } = {},
  ) => {
    const staff = requireArea(request, "events");
    const id = eventId(request);
    const found = await getEventForStaff(deps, id);
    const change = options.change ?? (await changeFormOf(deps, id));
    if (!found || !change) throw new NotFoundError();
    const done = (request.query as Record<string, unknown>).done;
    const notice = done === "cancelled" || done === "changed" ? done : null;
    const errors = options.errors ?? [];
    return reply.page(h(AdminEventPage, { staff: viewerOf(staff), ...found, notice, change, errors }), {
      title: found.event.title,
      status: errors.length > 0 ? 400 : 200,
      hasErrors: errors.length > 0,
    });
  };

  app.get("/admin/events/:id", async (request: EventRequest, reply) => sendEvent(request, reply));

  app.post(
    "/admin/events/:id/change",
    { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request: EventRequest, reply) => {
      const staff = requireArea(request, "events");
      const id = eventId(request);
      const form = readEventForm(request.body);
      const outcome = await changeEvent(deps, staff.user.id, id, form);
      if (outcome.kind === "invalid") {
        const errors = outcome.problems.map((p) => ({
          field: p.field,
          message: request.i18n.t(p.message),
        }));
        return sendEvent(request, reply, { change: form, errors });
      }
      if (outcome.kind === "stale" && !(await getEventForStaff(deps, id))) throw new NotFoundError();
      return reply.redirect(`${localisedPath(request.locale, `/admin/events/${id}`)}?done=changed`, 303);
    },
  );

  app.post(
    "/admin/events/:id/cancel",
    { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request: EventRequest, reply) => {
      const staff = requireArea(request, "events");
      const id = eventId(request);
      const outcome = await cancelEvent(deps, staff.user.id, id);
      if (outcome === "stale" && !(await getEventForStaff(deps, id))) throw new NotFoundError();
      return reply.redirect(`${localisedPath(request.locale, `/admin/events/${id}`)}?done=cancelled`, 303);
    },
  );
};
