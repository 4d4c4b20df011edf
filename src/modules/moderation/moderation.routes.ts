import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { localisedPath } from "../i18n/locales.ts";
import { decide, getQueue, readDecision, undoDecision } from "./moderation.service.ts";
import { type FailedDecision, ModerationPage, NOTICES, type Notice } from "./views/ModerationPage.tsx";

type ItemRequest = FastifyRequest<{ Params: { id: string } }>;

/** Decisions come quickly from a moderator working through a queue; a script flooding them does not. */
const DECISION_LIMIT = { rateLimit: { max: 120, timeWindow: "1 minute" } };

function itemId(request: ItemRequest): number {
  const id = request.params.id;
  if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new NotFoundError();
  return Number(id);
}

const isNotice = (value: unknown): value is Notice => typeof value === "string" && Object.hasOwn(NOTICES, value);

/** The moderation queue: every kind's waiting items, decisions with a reason, and undo. */
export const moderationRoutes: StaffRoutes = (app, deps) => {
  const queuePath = (request: FastifyRequest, query: Record<string, string>) =>
    `${localisedPath(request.locale, "/admin/moderation")}?${new URLSearchParams(query)}`;

  const sendQueue = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { kind: unknown; notice: Notice | null; failed: FailedDecision | null },
  ) => {
    const staff = requireArea(request, "moderation");
    const view = await getQueue(deps, options.kind);
    return reply.page(
      h(ModerationPage, { staff: viewerOf(staff), view, notice: options.notice, failed: options.failed }),
      {
        title: request.i18n.t("moderation.heading"),
        status: options.failed ? 400 : 200,
        hasErrors: options.failed !== null,
      },
    );
  };

  app.get("/admin/moderation", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return sendQueue(request, reply, {
      kind: query.kind,
      notice: isNotice(query.done) ? query.done : null,
      failed: null,
    });
  });

  for (const decision of ["approve", "reject"] as const) {
    app.post(`/admin/moderation/:id/${decision}`, { config: DECISION_LIMIT }, async (request: ItemRequest, reply) => {
      const staff = requireArea(request, "moderation");
      const id = itemId(request);
      const input = readDecision(request.body, decision);
      const outcome = await decide(deps, staff.user.id, id, input);
      if (outcome.kind === "invalid") {
        const item = await deps.db
          .selectFrom("moderation_items")
          .select("kind")
          .where("id", "=", id)
          .executeTakeFirst();
        const errors = outcome.problems.map((p) => ({ field: `${p.field}-${id}`, message: request.i18n.t(p.message) }));
        return sendQueue(request, reply, { kind: item?.kind, notice: null, failed: { itemId: id, input, errors } });
      }
      if (outcome.kind === "stale") return reply.redirect(queuePath(request, { done: "stale" }), 303);
      return reply.redirect(queuePath(request, { kind: outcome.itemKind, done: outcome.status }), 303);
    });
  }

  app.post("/admin/moderation/:id/undo", { config: DECISION_LIMIT }, async (request: ItemRequest, reply) => {
    const staff = requireArea(request, "moderation");
    const result = await undoDecision(deps, staff.user.id, itemId(request));
    return reply.redirect(queuePath(request, { done: result }), 303);
  });
};
