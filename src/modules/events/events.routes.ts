import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { Form } from "../../views/Form.tsx";
import { MessagePage } from "../../views/MessagePage.tsx";
import { renderMarkdown } from "../content/markdown.ts";
import { localisedPath } from "../i18n/locales.ts";
import { attendanceKeyOf, rsvpOfAttendanceKey } from "./attendance-key.ts";
import { calendarEntry, calendarLinks } from "./calendar.ts";
import { blankEventForm, blankRsvpForm, type RsvpForm, readEventForm, readRsvpForm } from "./event-input.ts";
import { findEventById, findPublicEvent, listFeedEvents, type PublicEvent } from "./events.repo.ts";
import { getEventList, groupsToChoose, readFilters, submitEvent } from "./events.service.ts";
import { icsCalendar } from "./ics.ts";
import {
  cancelRsvp,
  confirmRsvp,
  describeRsvpConfirmation,
  getAttendance,
  requestRsvp,
  takesRsvps,
} from "./rsvp.service.ts";
import { AttendancePage } from "./views/AttendancePage.tsx";
import { EventPage } from "./views/EventPage.tsx";
import { EventsPage } from "./views/EventsPage.tsx";
import { NewEventPage } from "./views/NewEventPage.tsx";

const LINK_STATUS = { valid: 200, used: 410, expired: 410, unknown: 404 } as const;
const PRIVATE = { "cache-control": "private, no-store", "referrer-policy": "strict-origin" };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

/** Events: the list, each event's page and calendar, hosting one, and RSVPs. */
export async function eventRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const at = (request: FastifyRequest, path: string) => localisedPath(request.locale, path);

  const publicEvent = async (request: SlugRequest) => {
    const slug = request.params.slug;
    const event = SLUG.test(slug) ? await findPublicEvent(deps.db, slug) : undefined;
    if (!event) throw new NotFoundError();
    return event;
  };

  const sendEventPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    event: PublicEvent,
    values: RsvpForm = blankRsvpForm(),
    errors: FieldError[] = [],
  ) => {
    const entry = calendarEntry(deps.config, request.i18n, event);
    return reply.page(
      h(EventPage, {
        event,
        description: renderMarkdown(event.description_md),
        calendar: calendarLinks(entry, `/events/${event.slug}/calendar.ics`),
        open: takesRsvps(event),
        values,
        errors,
      }),
      {
        title: event.title,
        description: event.description_md.slice(0, 160),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/events", async (request, reply) => {
    const filters = readFilters(request.query);
    const { events, countries, groups } = await getEventList(deps, filters);
    return reply.page(h(EventsPage, { events, countries, groups, filters }), {
      title: request.i18n.t("events.heading"),
    });
  });

  app.get("/events.ics", async (request, reply) => {
    const since = new Date(Date.now() - 30 * 864e5).toISOString();
    const events = await listFeedEvents(deps.db, since);
    const body = icsCalendar(
      events.map((e) => calendarEntry(deps.config, request.i18n, e)),
      { name: request.i18n.t("events.heading") },
    );
    return reply
      .header("content-type", "text/calendar; charset=utf-8")
      .header("cache-control", "public, max-age=300")
      .send(body);
  });

  app.get("/events/new", async (request, reply) =>
    reply.page(h(NewEventPage, { values: blankEventForm(), errors: [], groups: await groupsToChoose(deps) }), {
      title: request.i18n.t("events.new.heading"),
    }),
  );

  app.post("/events/new", { config: { rateLimit: { max: 5, timeWindow: "10 minutes" } } }, async (request, reply) => {
    const form = readEventForm(request.body);
    const outcome = await submitEvent(deps, form, { shownIn: request.locale });
    if (outcome.kind === "invalid") {
      const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
      return reply.page(h(NewEventPage, { values: form, errors, groups: await groupsToChoose(deps) }), {
        title: request.i18n.t("events.new.heading"),
        status: 400,
        hasErrors: true,
      });
    }
    return reply.redirect(at(request, "/events/new/thanks"), 303);
  });

  app.get("/events/new/thanks", async (request, reply) => {
    const t = request.i18n.t;
    return reply.page(
      h(MessagePage, { heading: t("events.new.thanks.heading"), paragraphs: [t("events.new.thanks.text")] }),
      { title: t("events.new.thanks.heading") },
    );
  });

  // The confirmation link opens a page with a button: a mail scanner opening it confirms nothing.
  app.get("/events/rsvp/confirm", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const state = await describeRsvpConfirmation(deps, token);
    const t = request.i18n.t;
    reply.headers(PRIVATE);
    if (state !== "valid") {
      return reply.page(
        h(MessagePage, { heading: t("confirm.invalid.heading"), paragraphs: [t("events.confirm.invalid")] }),
        { title: t("confirm.invalid.heading"), status: LINK_STATUS[state] },
      );
    }
    const form = h(Form, {
      action: at(request, "/events/rsvp/confirm"),
      children: [
        h("input", { type: "hidden", name: "token", value: typeof token === "string" ? token : "" }),
        h("button", { type: "submit", class: "button button--large", id: "confirm-rsvp" }, t("events.confirm.button")),
      ],
    });
    return reply.page(
      h(MessagePage, { heading: t("events.confirm.heading"), paragraphs: [t("events.confirm.text")], children: form }),
      { title: t("events.confirm.heading") },
    );
  });

  app.post(
    "/events/rsvp/confirm",
    { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const outcome = await confirmRsvp(deps, ((request.body ?? {}) as Record<string, unknown>).token);
      const t = request.i18n.t;
      // Pressed twice (or again later): the same page as the first time.
      const key =
        outcome.state === "valid" || outcome.state === "used"
          ? await attendanceKeyOf(deps.db, deps.config.secretKey, outcome.rsvpId)
          : null;
      if (key) return reply.redirect(`${at(request, "/events/attendance")}?a=${key}`, 303);
      if (outcome.state === "closed") {
        return reply.page(
          h(MessagePage, { heading: t("events.confirm.closed.heading"), paragraphs: [t("events.rsvp.closed")] }),
          { title: t("events.confirm.closed.heading"), status: 409 },
        );
      }
      return reply.page(
        h(MessagePage, { heading: t("confirm.invalid.heading"), paragraphs: [t("events.confirm.invalid")] }),
        { title: t("confirm.invalid.heading"), status: LINK_STATUS[outcome.state] },
      );
    },
  );

  const attendanceOf = async (key: unknown) => {
    const rsvpId = await rsvpOfAttendanceKey(deps.db, deps.config.secretKey, key);
    const attendance = rsvpId === null ? undefined : await getAttendance(deps.db, rsvpId);
    const event = attendance ? await findEventById(deps.db, attendance.eventId) : undefined;
    if (!attendance || !event) throw new NotFoundError("dead-link");
    return { attendance, event, key: key as string };
  };

  app.get("/events/attendance", async (request, reply) => {
    const { attendance, event, key } = await attendanceOf((request.query as Record<string, unknown>).a);
    const entry = calendarEntry(deps.config, request.i18n, event, attendance.location);
    return reply.headers(PRIVATE).page(
      h(AttendancePage, {
        event,
        attendance,
        attendanceKey: key,
        calendar: calendarLinks(entry, `/events/attendance/calendar.ics?a=${key}`),
      }),
      { title: event.title },
    );
  });

  app.get("/events/attendance/calendar.ics", async (request, reply) => {
    const { attendance, event } = await attendanceOf((request.query as Record<string, unknown>).a);
    const body = icsCalendar([calendarEntry(deps.config, request.i18n, event, attendance.location)]);
    return reply
      .headers(PRIVATE)
      .header("content-type", "text/calendar; charset=utf-8")
      .header("content-disposition", `attachment; filename="${event.slug}.ics"`)
      .send(body);
  });

  app.post(
    "/events/attendance/cancel",
    { config: { rateLimit: { max: 20, timeWindow: "10 minutes" } } },
    async (request, reply) => {
      const { attendance, key } = await attendanceOf(((request.body ?? {}) as Record<string, unknown>).a);
      await cancelRsvp(deps, attendance.rsvpId);
      return reply.redirect(`${at(request, "/events/attendance")}?a=${key}`, 303);
    },
  );

  app.get("/events/:slug", async (request: SlugRequest, reply) =>
    sendEventPage(request, reply, await publicEvent(request)),
  );

  app.get("/events/:slug/calendar.ics", async (request: SlugRequest, reply) => {
    const event = await publicEvent(request);
    const body = icsCalendar([calendarEntry(deps.config, request.i18n, event)]);
    return reply
      .header("content-type", "text/calendar; charset=utf-8")
      .header("content-disposition", `attachment; filename="${event.slug}.ics"`)
      .header("cache-control", "public, max-age=300")
      .send(body);
  });

  app.post(
    "/events/:slug/rsvp",
    { config: { rateLimit: { max: 10, timeWindow: "10 minutes" } } },
    async (request: SlugRequest, reply) => {
      const event = await publicEvent(request);
      const form = readRsvpForm(request.body);
      const outcome = await requestRsvp(deps, event.slug, form, { shownIn: request.locale });
      if (outcome.kind === "not-found") throw new NotFoundError();
      if (outcome.kind === "invalid") {
        const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
        return sendEventPage(request, reply, event, form, errors);
      }
      return reply.redirect(at(request, `/events/${event.slug}/check-email`), 303);
    },
  );

  app.get("/events/:slug/check-email", async (request: SlugRequest, reply) => {
    const event = await publicEvent(request);
    const t = request.i18n.t;
    const back = h("p", null, h("a", { href: at(request, `/events/${event.slug}`) }, t("events.attendance.eventPage")));
    return reply.page(
      h(MessagePage, {
        heading: t("events.checkEmail.heading"),
        paragraphs: [t("events.checkEmail.text")],
        children: back,
      }),
      { title: t("events.checkEmail.heading") },
    );
  });
}
