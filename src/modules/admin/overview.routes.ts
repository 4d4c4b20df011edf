import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { readCounts } from "../petitions/counts.repo.ts";
import { listAudit } from "./audit.repo.ts";
import { requireArea, type StaffRoutes, viewerOf } from "./staff-area.ts";
import { findSupporterRecord } from "./supporter-record.service.ts";
import { AuditPage, DashboardPage } from "./views/AdminPages.tsx";
import { SupporterRecordPage } from "./views/SupporterRecordPage.tsx";

/** The dashboard, the audit log and the supporter record. */
export const overviewRoutes: StaffRoutes = (app, deps) => {
  app.get("/admin", async (request, reply) => {
    const staff = requireArea(request, "dashboard");
    const campaigns = await deps.db
      .selectFrom("campaigns")
      .select(["id", "slug", "title", "status"])
      .orderBy("created_at", "desc")
      .execute();
    const counts = await readCounts(
      deps.db,
      campaigns.map((c) => c.id),
    );
    return reply.page(
      h(DashboardPage, {
        campaigns: campaigns.map((c) => ({ ...c, total: counts.get(c.id) ?? 0 })),
        staff: viewerOf(staff),
      }),
      { title: request.i18n.t("admin.dashboard.heading") },
    );
  });

  app.get("/admin/audit", async (request, reply) => {
    const staff = requireArea(request, "audit");
    const action = String((request.query as Record<string, unknown>).action ?? "").slice(0, 80);
    const rows = await listAudit(deps.db, action ? { action } : {});
    return reply.page(h(AuditPage, { rows, action, staff: viewerOf(staff) }), {
      title: request.i18n.t("admin.audit.heading"),
    });
  });

  // The address is posted, not put in the URL: it stays out of history and proxies' logs,
  // and a link on another site cannot make a campaigner look someone up.
  const supporterLookup = async (request: FastifyRequest, reply: FastifyReply, email: string) => {
    const staff = requireArea(request, "supporters");
    const record = email ? await findSupporterRecord(deps, staff.user.id, email) : null;
    return reply.page(h(SupporterRecordPage, { staff: viewerOf(staff), email, record }), {
      title: request.i18n.t("admin.supporters.heading"),
    });
  };
  app.get("/admin/supporters", async (request, reply) => supporterLookup(request, reply, ""));
  app.post(
    "/admin/supporters",
    { config: { rateLimit: { max: 60, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const email = (request.body as Record<string, unknown> | undefined)?.email;
      return supporterLookup(request, reply, typeof email === "string" ? email.trim().slice(0, 254) : "");
    },
  );
};
