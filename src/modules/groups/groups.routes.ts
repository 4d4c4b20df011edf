import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { Form } from "../../views/Form.tsx";
import { MessagePage } from "../../views/MessagePage.tsx";
import { renderMarkdown } from "../content/markdown.ts";
import { calendarEntry } from "../events/calendar.ts";
import { listFeedEvents } from "../events/events.repo.ts";
import { icsCalendar } from "../events/ics.ts";
import { localisedPath } from "../i18n/locales.ts";
import { contactOrganiser } from "./contact.service.ts";
import {
  blankContactForm,
  blankGroupForm,
  blankJoinGroupForm,
  type ContactForm,
  type JoinGroupForm,
  readContactForm,
  readGroupForm,
  readJoinGroupForm,
} from "./group-input.ts";
import { findPublishedGroup } from "./groups.repo.ts";
import { getDirectory, getGroupPage, readGroupFilters, submitGroup } from "./groups.service.ts";
import { memberKey, memberOfKey } from "./member-key.ts";
import {
  confirmGroupJoin,
  describeGroupJoinConfirmation,
  getMembership,
  leaveGroup,
  requestGroupJoin,
} from "./membership.service.ts";
import {
  getOrganiserPage,
  groupOfOrganiserCookie,
  isOrganiserLinkValid,
  ORGANISER_COOKIE,
  ORGANISER_SESSION_MS,
  organiserCookieValue,
  requestOrganiserLink,
  useOrganiserLink,
} from "./organiser.service.ts";
import { organiserEditRoutes } from "./organiser-edit.routes.ts";
import { GroupPage } from "./views/GroupPage.tsx";
import { GroupsPage } from "./views/GroupsPage.tsx";
import { NewGroupPage } from "./views/NewGroupPage.tsx";
import { isOrganiserNotice, OrganiserPage } from "./views/OrganiserPage.tsx";

const LINK_STATUS = { valid: 200, used: 410, expired: 410, unknown: 404 } as const;
const PRIVATE = { "cache-control": "private, no-store", "referrer-policy": "strict-origin" };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;
const field = (request: FastifyRequest, name: string) => ((request.body ?? {}) as Record<string, unknown>)[name];

/** Local groups: the directory, each group's page, starting, joining and leaving one, and its organiser's page. */
export async function groupRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const at = (request: FastifyRequest, path: string) => localisedPath(request.locale, path);
  const secure = deps.config.nodeEnv === "production";

  const message = (_request: FastifyRequest, reply: FastifyReply, heading: string, text: string, status = 200) =>
    reply.page(h(MessagePage, { heading, paragraphs: [text] }), { title: heading, status });

  const sendGroupPage = async (
    request: SlugRequest,
    reply: FastifyReply,
    form: { join?: JoinGroupForm; contact?: ContactForm; errors?: FieldError[]; errorsOf?: "join" | "contact" } = {},
  ) => {
    const slug = request.params.slug;
    const found = SLUG.test(slug) ? await getGroupPage(deps, slug) : undefined;
    if (!found) throw new NotFoundError();
    const errors = form.errors ?? [];
    return reply.page(
      h(GroupPage, {
        group: found.group,
        description: renderMarkdown(found.group.description_md),
        events: found.events,
        join: form.join ?? blankJoinGroupForm(),
        contact: form.contact ?? blankContactForm(),
        errors,
        errorsOf: form.errorsOf ?? null,
        contacted: (request.query as Record<string, unknown>).sent === "1",
      }),
      {
        title: found.group.name,
        description: found.group.description_md.slice(0, 160),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/groups", async (request, reply) => {
    const filters = readGroupFilters(request.query);
    const { groups, countries } = await getDirectory(deps, filters);
    return reply.page(h(GroupsPage, { groups, countries, filters }), { title: request.i18n.t("groups.heading") });
  });

  app.get("/groups/new", async (request, reply) =>
    reply.page(h(NewGroupPage, { values: blankGroupForm(), errors: [] }), {
      title: request.i18n.t("groups.new.heading"),
    }),
  );

  app.post("/groups/new", { config: { rateLimit: { max: 5, timeWindow: "10 minutes" } } }, async (request, reply) => {
    const form = readGroupForm(request.body);
    const outcome = await submitGroup(deps, form, { shownIn: request.locale });
    if (outcome.kind === "invalid") {
      const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
      return reply.page(h(NewGroupPage, { values: form, errors }), {
        title: request.i18n.t("groups.new.heading"),
        status: 400,
        hasErrors: true,
      });
    }
    return reply.redirect(at(request, "/groups/new/thanks"), 303);
  });

  app.get("/groups/new/thanks", async (request, reply) =>
    message(request, reply, request.i18n.t("groups.new.thanks.heading"), request.i18n.t("groups.new.thanks.text")),
  );

  // The confirmation link opens a page with a button: a mail scanner opening it joins nobody.
  app.get("/groups/join/confirm", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const state = await describeGroupJoinConfirmation(deps, token);
    const t = request.i18n.t;
    reply.headers(PRIVATE);
    if (state !== "valid") {
      return message(request, reply, t("confirm.invalid.heading"), t("groups.confirm.invalid"), LINK_STATUS[state]);
    }
    const form = h(Form, {
      action: at(request, "/groups/join/confirm"),
      children: [
        h("input", { type: "hidden", name: "token", value: typeof token === "string" ? token : "" }),
        h(
          "button",
          { type: "submit", class: "button button--large", id: "confirm-group-join" },
          t("groups.confirm.button"),
        ),
      ],
    });
    return reply.page(
      h(MessagePage, { heading: t("groups.confirm.heading"), paragraphs: [t("groups.confirm.text")], children: form }),
      { title: t("groups.confirm.heading") },
    );
  });

  app.post(
    "/groups/join/confirm",
    { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const outcome = await confirmGroupJoin(deps, field(request, "token"));
      const t = request.i18n.t;
      if (outcome.state === "valid" || outcome.state === "used") {
        return reply.redirect(at(request, `/groups/${outcome.slug}/joined`), 303);
      }
      return message(
        request,
        reply,
        t("confirm.invalid.heading"),
        t("groups.confirm.invalid"),
        LINK_STATUS[outcome.state],
      );
    },
  );

  const membershipOf = async (key: unknown) => {
    const memberId = await memberOfKey(deps.db, deps.config.secretKey, key);
    const membership = memberId === null ? undefined : await getMembership(deps, memberId);
    if (!membership) throw new NotFoundError("dead-link");
    return membership;
  };

  app.get("/groups/leave", async (request, reply) => {
    const membership = await membershipOf((request.query as Record<string, unknown>).m);
    const t = request.i18n.t;
    reply.headers(PRIVATE);
    if (membership.status === "left") {
      return message(
        request,
        reply,
        t("groups.leave.doneHeading"),
        t("groups.leave.done", { group: membership.group_name }),
      );
    }
    const form = h(Form, {
      action: at(request, "/groups/leave"),
      children: [
        h("input", { type: "hidden", name: "m", value: memberKey(deps.config.secretKey, membership) }),
        h("button", { type: "submit", class: "button button--large", id: "leave-group" }, t("groups.leave.button")),
      ],
    });
    return reply.page(
      h(MessagePage, {
        heading: t("groups.leave.heading"),
        paragraphs: [t("groups.leave.text", { group: membership.group_name })],
        children: form,
      }),
      { title: t("groups.leave.heading") },
    );
  });

  app.post(
    "/groups/leave",
    { config: { rateLimit: { max: 20, timeWindow: "10 minutes" } } },
    async (request, reply) => {
      const membership = await membershipOf(field(request, "m"));
      await leaveGroup(deps, membership.id);
      return reply.redirect(`${at(request, "/groups/leave")}?m=${memberKey(deps.config.secretKey, membership)}`, 303);
    },
  );

  // The organiser's link: opening it changes nothing; its button signs them in to their group's page.
  app.get("/groups/organiser/continue", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const t = request.i18n.t;
    reply.headers(PRIVATE);
    if (!(await isOrganiserLinkValid(deps, token))) {
      return message(request, reply, t("confirm.invalid.heading"), t("manage.invalid"), 410);
    }
    const form = h(Form, {
      action: at(request, "/groups/organiser/continue"),
      children: [
        h("input", { type: "hidden", name: "token", value: String(token) }),
        h("button", { type: "submit", class: "button button--large", id: "organiser-continue" }, t("manage.continue")),
      ],
    });
    return reply.page(
      h(MessagePage, {
        heading: t("groups.organiser.continueHeading"),
        paragraphs: [t("groups.organiser.continueText")],
        children: form,
      }),
      { title: t("groups.organiser.continueHeading") },
    );
  });

  app.post(
    "/groups/organiser/continue",
    { config: { rateLimit: { max: 10, timeWindow: "10 minutes" } } },
    async (request, reply) => {
      const groupId = await useOrganiserLink(deps, field(request, "token"));
      const cookie = groupId === null ? null : await organiserCookieValue(deps, groupId);
      const t = request.i18n.t;
      if (cookie === null) return message(request, reply, t("confirm.invalid.heading"), t("manage.invalid"), 410);
      reply.setCookie(ORGANISER_COOKIE, cookie, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure,
        maxAge: ORGANISER_SESSION_MS / 1000,
      });
      return reply.redirect(at(request, "/groups/organiser"), 303);
    },
  );

  app.get("/groups/organiser", async (request, reply) => {
    const groupId = await groupOfOrganiserCookie(deps, request.cookies[ORGANISER_COOKIE]);
    const page = groupId === null ? undefined : await getOrganiserPage(deps, groupId);
    const t = request.i18n.t;
    reply.headers(PRIVATE);
    if (!page) return message(request, reply, t("groups.organiser.signIn"), t("groups.organiser.signInText"), 401);
    const done = (request.query as Record<string, unknown>).done;
    const notice = typeof done === "string" && isOrganiserNotice(done) ? done : null;
    return reply.page(h(OrganiserPage, { ...page, notice }), {
      title: t("groups.organiser.pageHeading", { group: page.group.name }),
    });
  });
  organiserEditRoutes(app, deps);

  app.get("/groups/:slug", async (request: SlugRequest, reply) => sendGroupPage(request, reply));

  app.get("/groups/:slug/events.ics", async (request: SlugRequest, reply) => {
    const group = SLUG.test(request.params.slug) ? await findPublishedGroup(deps.db, request.params.slug) : undefined;
    if (!group) throw new NotFoundError();
    const since = new Date(Date.now() - 30 * 864e5).toISOString();
    const events = await listFeedEvents(deps.db, since, group.id);
    const body = icsCalendar(
      events.map((e) => calendarEntry(deps.config, request.i18n, e)),
      { name: group.name },
    );
    return reply
      .header("content-type", "text/calendar; charset=utf-8")
      .header("cache-control", "public, max-age=300")
      .send(body);
  });

  app.post(
    "/groups/:slug/join",
    { config: { rateLimit: { max: 10, timeWindow: "10 minutes" } } },
    async (request: SlugRequest, reply) => {
      const form = readJoinGroupForm(request.body);
      const slug = SLUG.test(request.params.slug) ? request.params.slug : "";
      const outcome = await requestGroupJoin(deps, slug, form, { shownIn: request.locale });
      if (outcome.kind === "not-found") throw new NotFoundError();
      if (outcome.kind === "invalid") {
        const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
        return sendGroupPage(request, reply, { join: form, errors, errorsOf: "join" });
      }
      return reply.redirect(at(request, `/groups/${slug}/check-email`), 303);
    },
  );

  app.post(
    "/groups/:slug/contact",
    { config: { rateLimit: { max: 5, timeWindow: "10 minutes" } } },
    async (request: SlugRequest, reply) => {
      const form = readContactForm(request.body);
      const slug = SLUG.test(request.params.slug) ? request.params.slug : "";
      const outcome = await contactOrganiser(deps, slug, form);
      if (outcome.kind === "not-found" || outcome.kind === "no-organiser") throw new NotFoundError();
      if (outcome.kind === "invalid") {
        const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
        return sendGroupPage(request, reply, { contact: form, errors, errorsOf: "contact" });
      }
      return reply.redirect(`${at(request, `/groups/${slug}`)}?sent=1#contact`, 303);
    },
  );

  app.post(
    "/groups/:slug/organiser-link",
    { config: { rateLimit: { max: 5, timeWindow: "10 minutes" } } },
    async (request: SlugRequest, reply) => {
      const slug = SLUG.test(request.params.slug) ? request.params.slug : "";
      await requestOrganiserLink(deps, slug, field(request, "email"));
      const t = request.i18n.t;
      return message(request, reply, t("groups.organiser.linkSentHeading"), t("groups.organiser.linkSent"));
    },
  );

  const simple = (
    path: string,
    heading: "groups.checkEmail.heading" | "groups.joined.heading",
    text: "groups.checkEmail.text" | "groups.joined.text",
  ) =>
    app.get(path, async (request: SlugRequest, reply) => {
      const group = SLUG.test(request.params.slug) ? await findPublishedGroup(deps.db, request.params.slug) : undefined;
      if (!group) throw new NotFoundError();
      const t = request.i18n.t;
      const back = h("p", null, h("a", { href: at(request, `/groups/${group.slug}`) }, t("groups.backToGroup")));
      return reply.page(
        h(MessagePage, { heading: t(heading), paragraphs: [t(text, { group: group.name })], children: back }),
        {
          title: t(heading),
        },
      );
    });
  simple("/groups/:slug/check-email", "groups.checkEmail.heading", "groups.checkEmail.text");
  simple("/groups/:slug/joined", "groups.joined.heading", "groups.joined.text");
}
