import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { MessagePage } from "../../views/MessagePage.tsx";
import { localisedPath } from "../i18n/locales.ts";
import { answerClaim } from "./group-claims.ts";
import { detailsForm, submitGroupEdit, waitingGroupEdit } from "./group-edits.service.ts";
import { type GroupDetailsForm, readGroupDetailsForm } from "./group-input.ts";
import { getOrganiserPage, groupOfOrganiserCookie, ORGANISER_COOKIE } from "./organiser.service.ts";
import { OrganiserEditPage } from "./views/OrganiserEditPage.tsx";

const PRIVATE = { "cache-control": "private, no-store", "referrer-policy": "strict-origin" };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What organisers do on their group's page: change its public details, and answer events that name it. */
export function organiserEditRoutes(app: FastifyInstance, deps: Deps) {
  const at = (request: FastifyRequest, path: string) => localisedPath(request.locale, path);

  /** The group whose organiser's cookie came with the request; undefined once signed out or gone. */
  const organisedGroup = async (request: FastifyRequest) => {
    const groupId = await groupOfOrganiserCookie(deps, request.cookies[ORGANISER_COOKIE]);
    return groupId === null ? undefined : (await getOrganiserPage(deps, groupId))?.group;
  };

  const signIn = (request: FastifyRequest, reply: FastifyReply) => {
    const t = request.i18n.t;
    return reply.page(
      h(MessagePage, { heading: t("groups.organiser.signIn"), paragraphs: [t("groups.organiser.signInText")] }),
      {
        title: t("groups.organiser.signIn"),
        status: 401,
      },
    );
  };

  const sendEditPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    group: { id: number; name: string },
    values: GroupDetailsForm,
    errors: FieldError[] = [],
  ) => {
    const waiting = await waitingGroupEdit(deps, group.id);
    const t = request.i18n.t;
    return reply.page(
      h(OrganiserEditPage, {
        groupName: group.name,
        values,
        errors,
        waitingSince: waiting?.created_at ?? null,
      }),
      {
        title: t("groups.edit.heading", { group: group.name }),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/groups/organiser/edit", async (request, reply) => {
    reply.headers(PRIVATE);
    const group = await organisedGroup(request);
    if (!group) return signIn(request, reply);
    return sendEditPage(request, reply, group, detailsForm((await waitingGroupEdit(deps, group.id)) ?? group));
  });

  app.post(
    "/groups/organiser/edit",
    { config: { rateLimit: { max: 10, timeWindow: "10 minutes" } } },
    async (request, reply) => {
      reply.headers(PRIVATE);
      const group = await organisedGroup(request);
      if (!group) return signIn(request, reply);
      const form = readGroupDetailsForm(request.body);
      const outcome = await submitGroupEdit(deps, group.id, form, { shownIn: request.locale });
      if (outcome.kind === "not-found") return signIn(request, reply);
      if (outcome.kind === "invalid") {
        const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
        return sendEditPage(request, reply, group, form, errors);
      }
      deps.wakeWorker();
      return reply.redirect(`${at(request, "/groups/organiser")}?done=${outcome.kind}`, 303);
    },
  );

  for (const answer of ["accept", "decline"] as const) {
    app.post(
      `/groups/organiser/events/:slug/${answer}`,
      { config: { rateLimit: { max: 30, timeWindow: "10 minutes" } } },
      async (request: FastifyRequest<{ Params: { slug: string } }>, reply) => {
        reply.headers(PRIVATE);
        const group = await organisedGroup(request);
        if (!group) return signIn(request, reply);
        const slug = request.params.slug;
        if (!SLUG.test(slug) || (await answerClaim(deps, group.id, slug, answer === "accept")) !== "done") {
          throw new NotFoundError();
        }
        return reply.redirect(
          `${at(request, "/groups/organiser")}?done=${answer === "accept" ? "accepted" : "declined"}`,
          303,
        );
      },
    );
  }
}
