import type { FastifyRequest } from "fastify";
import { h } from "preact";
import { DomainError } from "../../errors.ts";
import { backTo } from "../admin/campaign-route-helpers.ts";
import { campaignIdFrom } from "../admin/petition-watch.service.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import {
  addRule,
  blankRuleForm,
  getRules,
  readRuleForm,
  releaseHeldSignatures,
  removeRule,
} from "./abuse-admin.service.ts";
import { challengeChoice, switchChallenge } from "./challenge-switch.ts";
import { RulesPage } from "./views/RulesPage.tsx";

const WRITE_LIMIT = { rateLimit: { max: 30, timeWindow: "1 minute" } };

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/**
 * The block and allow lists (their own area); releasing a petition's held signatures and
 * switching its proof-of-work challenge (watching it).
 */
export const abuseAdminRoutes: StaffRoutes = (app, deps) => {
  app.get("/admin/abuse", async (request, reply) => {
    const staff = requireArea(request, "abuse");
    const q = (request.query ?? {}) as Record<string, unknown>;
    const outcome = q.added === "1" ? "added" : q.removed === "1" ? "removed" : null;
    return reply.page(
      h(RulesPage, { rules: await getRules(deps), form: blankRuleForm(), errors: [], outcome, staff: viewerOf(staff) }),
      { title: request.i18n.t("admin.rules.heading") },
    );
  });

  app.post("/admin/abuse/rules", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "abuse");
    const form = readRuleForm(request.body);
    const result = await addRule(deps, staff.user.id, form);
    if (result.ok) return reply.redirect("/admin/abuse?added=1", 303);
    const errors = result.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
    return reply.page(
      h(RulesPage, { rules: await getRules(deps), form, errors, outcome: null, staff: viewerOf(staff) }),
      { title: request.i18n.t("admin.rules.heading"), status: 400, hasErrors: true },
    );
  });

  app.post("/admin/abuse/rules/:id/delete", { config: WRITE_LIMIT }, async (request: IdRequest, reply) => {
    const staff = requireArea(request, "abuse");
    await removeRule(deps, staff.user.id, request.params.id);
    return reply.redirect("/admin/abuse?removed=1", 303);
  });

  app.post("/admin/campaigns/:id/abuse/release", { config: WRITE_LIMIT }, async (request: IdRequest, reply) => {
    const staff = requireArea(request, "watch");
    const id = campaignIdFrom(request.params.id);
    const count = await releaseHeldSignatures(deps, staff.user.id, id, bodyOf(request).reason);
    return reply.redirect(`/admin/campaigns/${id}/abuse?released=${count}`, 303);
  });

  app.post("/admin/campaigns/:id/abuse/challenge", { config: WRITE_LIMIT }, async (request: IdRequest, reply) => {
    const staff = requireArea(request, "watch");
    const id = campaignIdFrom(request.params.id);
    const on = challengeChoice(bodyOf(request).on);
    if (on === null) throw new DomainError("invalid", "watch-choice");
    await switchChallenge(deps, staff.user.id, id, on);
    const done = on ? "challenge-on" : "challenge-off";
    return reply.redirect(`${backTo(request, `/admin/campaigns/${id}/abuse`, done)}#abuse-challenge`, 303);
  });
};
