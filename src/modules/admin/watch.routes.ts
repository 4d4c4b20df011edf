import type { FastifyRequest } from "fastify";
import { h } from "preact";
import { DomainError } from "../../errors.ts";
import { challengeDoneOf } from "../abuse/views/ChallengeSection.tsx";
import { isGloballyPaused } from "../petitions/pause.repo.ts";
import { doneOf } from "./campaign-route-helpers.ts";
import {
  campaignIdFrom,
  getAbuseView,
  getPetitionWatch,
  invalidateRecent,
  readInvalidation,
  restoreInvalidated,
  switchSigning,
} from "./petition-watch.service.ts";
import { requireArea, type StaffRoutes, viewerOf } from "./staff-area.ts";
import { type AbuseOutcome, AbusePage } from "./views/AbusePage.tsx";
import { PetitionDashboardPage } from "./views/PetitionDashboardPage.tsx";
import { SigningPage } from "./views/SigningPage.tsx";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const WRITE_LIMIT = { rateLimit: { max: 30, timeWindow: "1 minute" } };

const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

/** "1" pauses, "0" resumes; anything else changes nothing. */
function pausedFrom(body: Record<string, unknown>): boolean {
  if (body.paused === "1") return true;
  if (body.paused === "0") return false;
  throw new DomainError("invalid", "watch-choice");
}

function outcomeFrom(query: unknown): AbuseOutcome {
  const q = (query ?? {}) as Record<string, unknown>;
  const count = (v: unknown) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : null);
  const invalidated = count(q.invalidated);
  if (invalidated !== null) return { invalidated };
  const restored = count(q.restored);
  if (restored !== null) return { restored };
  const released = count(q.released);
  return released !== null ? { released } : null;
}

/** A petition's dashboard, its abuse view, and the switches that pause signing. */
export const watchRoutes: StaffRoutes = (app, deps) => {
  app.get("/admin/campaigns/:id/dashboard", async (request: IdRequest, reply) => {
    const staff = requireArea(request, "watch");
    const watch = await getPetitionWatch(deps, campaignIdFrom(request.params.id));
    return reply.page(h(PetitionDashboardPage, { watch, staff: viewerOf(staff) }), {
      title: request.i18n.t("admin.watch.heading", { title: watch.campaign.title }),
    });
  });

  app.post("/admin/campaigns/:id/pause", { config: WRITE_LIMIT }, async (request: IdRequest, reply) => {
    const staff = requireArea(request, "watch");
    const id = campaignIdFrom(request.params.id);
    await switchSigning(deps, staff.user.id, id, pausedFrom(bodyOf(request)));
    return reply.redirect(`/admin/campaigns/${id}/dashboard`, 303);
  });

  app.get("/admin/campaigns/:id/abuse", async (request: IdRequest, reply) => {
    const staff = requireArea(request, "watch");
    const view = await getAbuseView(deps, campaignIdFrom(request.params.id));
    const outcome = outcomeFrom(request.query);
    const challengeDone = challengeDoneOf(doneOf(request));
    return reply.page(h(AbusePage, { view, staff: viewerOf(staff), outcome, challengeDone }), {
      title: request.i18n.t("admin.abuse.heading", { title: view.campaign.title }),
    });
  });

  app.post("/admin/campaigns/:id/abuse/invalidate", { config: WRITE_LIMIT }, async (request: IdRequest, reply) => {
    const staff = requireArea(request, "watch");
    const id = campaignIdFrom(request.params.id);
    const count = await invalidateRecent(deps, staff.user.id, id, readInvalidation(request.body));
    return reply.redirect(`/admin/campaigns/${id}/abuse?invalidated=${count}`, 303);
  });

  app.post("/admin/campaigns/:id/abuse/restore", { config: WRITE_LIMIT }, async (request: IdRequest, reply) => {
    const staff = requireArea(request, "watch");
    const id = campaignIdFrom(request.params.id);
    const count = await restoreInvalidated(deps, staff.user.id, id, bodyOf(request).batch);
    return reply.redirect(`/admin/campaigns/${id}/abuse?restored=${count}`, 303);
  });

  app.get("/admin/signing", async (request, reply) => {
    const staff = requireArea(request, "signing");
    const paused = await isGloballyPaused(deps.db);
    return reply.page(h(SigningPage, { paused, staff: viewerOf(staff) }), {
      title: request.i18n.t("admin.signing.heading"),
    });
  });

  app.post("/admin/signing", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "signing");
    await switchSigning(deps, staff.user.id, "all", pausedFrom(bodyOf(request)));
    return reply.redirect("/admin/signing", 303);
  });
};
