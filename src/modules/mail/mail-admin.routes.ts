import type { FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { localisedPath } from "../i18n/locales.ts";
import { getMailOverview, retryFailedMail } from "./mail-admin.service.ts";
import { MailAdminPage } from "./views/MailAdminPage.tsx";

const retryLimit = { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } };

const idOf = (request: FastifyRequest) => {
  const raw = (request.params as { id?: string }).id ?? "";
  if (!/^\d{1,12}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
};

/** After a retry, how many went back in the queue (0: it had been sent or retried meanwhile). */
const retriedOf = (request: FastifyRequest): number | null => {
  const raw = (request.query as Record<string, unknown>).retried;
  return typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
};

/** Email delivery, for admins and campaigners: what waits, what went, what failed, and a retry. */
export const mailAdminRoutes: StaffRoutes = (app, deps) => {
  app.get("/admin/mail", async (request, reply) => {
    const staff = requireArea(request, "mail");
    const overview = await getMailOverview(deps);
    return reply.page(h(MailAdminPage, { staff: viewerOf(staff), ...overview, retried: retriedOf(request) }), {
      title: request.i18n.t("admin.mail.heading"),
    });
  });

  app.post("/admin/mail/:id/retry", retryLimit, async (request, reply) => {
    const staff = requireArea(request, "mail");
    const moved = await retryFailedMail(deps, staff.user.id, { id: idOf(request) });
    return reply.redirect(`${localisedPath(request.locale, "/admin/mail")}?retried=${moved}`, 303);
  });

  app.post("/admin/mail/retry-all", retryLimit, async (request, reply) => {
    const staff = requireArea(request, "mail");
    const moved = await retryFailedMail(deps, staff.user.id, "all");
    return reply.redirect(`${localisedPath(request.locale, "/admin/mail")}?retried=${moved}`, 303);
  });
};
