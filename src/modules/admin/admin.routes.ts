import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import QRCode from "qrcode";
import type { Deps } from "../../deps.ts";
import { ForbiddenError } from "../../errors.ts";
import { networkHash } from "../../http/network.ts";
import { abuseAdminRoutes } from "../abuse/abuse-admin.routes.ts";
import { apiAdminRoutes } from "../api/api-admin.routes.ts";
import { contentAdminRoutes } from "../content/content-admin.routes.ts";
import { contentEditorRoutes } from "../content/content-editors.routes.ts";
import { eventAdminRoutes } from "../events/events-admin.routes.ts";
import { exportRoutes } from "../exports/exports.routes.ts";
import { groupAdminRoutes } from "../groups/groups-admin.routes.ts";
import { learnAdminRoutes } from "../learn/learn-admin.routes.ts";
import { mailAdminRoutes } from "../mail/mail-admin.routes.ts";
import { mailingRoutes } from "../mailings/mailings.routes.ts";
import { moderationRoutes } from "../moderation/moderation.routes.ts";
import { recordAudit } from "./audit.repo.ts";
import { campaignContentRoutes } from "./campaign-content.routes.ts";
import { campaignEditorRoutes } from "./campaign-editor.routes.ts";
import { totpFor } from "./credentials.ts";
import { overviewRoutes } from "./overview.routes.ts";
import { endAllSessions, endSession, findSession, type StaffSession } from "./sessions.ts";
import { logIn } from "./sign-in.service.ts";
import { staffRoutes } from "./staff.routes.ts";
import { completeSetup, prepareSetup, type SetupProblem } from "./staff.service.ts";
import { type StaffRoutes, staffOf } from "./staff-area.ts";
import { LoginPage, RecoveryCodesPage, SetupPage } from "./views/AdminPages.tsx";
import { watchRoutes } from "./watch.routes.ts";

declare module "fastify" {
  interface FastifyRequest {
    staff: StaffSession | null;
  }
}

/** The parts of the admin behind the session check; each later area adds its routes here. */
const STAFF_ROUTES: readonly StaffRoutes[] = [
  overviewRoutes,
  campaignEditorRoutes,
  campaignContentRoutes,
  staffRoutes,
  exportRoutes,
  watchRoutes,
  moderationRoutes,
  mailAdminRoutes,
  mailingRoutes,
  eventAdminRoutes,
  contentAdminRoutes,
  contentEditorRoutes,
  learnAdminRoutes,
  groupAdminRoutes,
  apiAdminRoutes,
  abuseAdminRoutes,
];

const PRIVATE = { "cache-control": "no-store", "x-robots-tag": "noindex, nofollow" };

const SETUP_FIELD: Record<
  SetupProblem,
  {
    field: string;
    key: "admin.error.passwordShort" | "admin.error.passwordLong" | "admin.error.passwordMismatch" | "admin.error.code";
  }
> = {
  "password-short": { field: "password", key: "admin.error.passwordShort" },
  "password-long": { field: "password", key: "admin.error.passwordLong" },
  "password-mismatch": { field: "confirm", key: "admin.error.passwordMismatch" },
  code: { field: "code", key: "admin.error.code" },
};

/** The staff's side of the site: sign-in with a second factor, then the admin pages. */
export async function adminRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const production = deps.config.nodeEnv === "production";
  const cookieName = production ? "__Host-iw-staff" : "iw-staff";
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: production };
  const loginLimit = { rateLimit: { max: 10, timeWindow: "10 minutes" } };

  app.decorateRequest("staff", null);

  app.get("/admin/login", async (request, reply) =>
    reply
      .headers(PRIVATE)
      .page(h(LoginPage, { errors: [], email: "" }), { title: request.i18n.t("admin.login.heading") }),
  );

  app.post("/admin/login", { config: loginLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const session = await logIn(deps, {
      email: str(body.email),
      password: str(body.password),
      code: str(body.code),
      network: networkHash(deps.config.secretKey, request.ip),
    });
    if (!session) {
      const errors = [{ field: "email", message: request.i18n.t("admin.login.failed") }];
      return reply.headers(PRIVATE).page(h(LoginPage, { errors, email: str(body.email).slice(0, 254) }), {
        title: request.i18n.t("admin.login.heading"),
        status: 401,
        hasErrors: true,
      });
    }
    // A new session id at every sign-in: an id planted before it is worth nothing after.
    const previous = request.cookies[cookieName];
    if (previous) await endSession(deps.db, previous);
    reply.setCookie(cookieName, session, cookieOptions);
    return reply.redirect("/admin", 303);
  });

  app.get("/admin/setup", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const prepared = await prepareSetup(deps, token);
    const t = request.i18n.t;
    if (!prepared) throw new ForbiddenError("setup-link");
    const uri = totpFor(prepared.secret, prepared.email, t("site.name")).toString();
    const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1 });
    // The token never leaves in a Referer; "no-referrer" would also make the browser send
    // "Origin: null" with the form, which the CSRF check rightly refuses.
    return reply
      .headers(PRIVATE)
      .header("referrer-policy", "strict-origin")
      .page(h(SetupPage, { ...prepared, qrSvg, token: String(token), errors: [] }), {
        title: t("admin.setup.heading"),
      });
  });

  app.post("/admin/setup", { config: loginLimit }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const result = await completeSetup(deps, {
      token: body.token,
      password: str(body.password),
      confirm: str(body.confirm),
      code: str(body.code),
    });
    const t = request.i18n.t;
    if (!result) throw new ForbiddenError("setup-link");
    if (!result.ok) {
      const prepared = await prepareSetup(deps, body.token);
      if (!prepared) throw new ForbiddenError("setup-link");
      const uri = totpFor(prepared.secret, prepared.email, t("site.name")).toString();
      const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1 });
      const errors = result.problems.map((p) => ({ field: SETUP_FIELD[p].field, message: t(SETUP_FIELD[p].key) }));
      return reply.headers(PRIVATE).page(h(SetupPage, { ...prepared, qrSvg, token: String(body.token), errors }), {
        title: t("admin.setup.heading"),
        status: 400,
        hasErrors: true,
      });
    }
    return reply
      .headers(PRIVATE)
      .page(h(RecoveryCodesPage, { codes: result.recoveryCodes }), { title: t("admin.recovery.heading") });
  });

  // Everything else under /admin needs a live staff session, checked as the request arrives,
  // before any body (an upload, say) is read.
  await app.register(async (staffOnly) => {
    staffOnly.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
      request.staff = await findSession(deps.db, request.cookies[cookieName]);
      if (!request.staff) return reply.redirect("/admin/login", 303);
      reply.headers(PRIVATE);
    });
    for (const routes of STAFF_ROUTES) await routes(staffOnly, deps);

    /** Signing out: end this browser's session, or all of them, and record which. */
    const signOut =
      (action: "staff.logout" | "staff.logout-everywhere") => async (request: FastifyRequest, reply: FastifyReply) => {
        const staff = staffOf(request);
        if (action === "staff.logout") await endSession(deps.db, String(request.cookies[cookieName]));
        else await endAllSessions(deps.db, staff.user.id);
        await recordAudit(deps.db, {
          staffUserId: staff.user.id,
          action,
          entity: "staff_user",
          entityId: staff.user.id,
        });
        reply.clearCookie(cookieName, cookieOptions);
        return reply.redirect("/admin/login", 303);
      };
    staffOnly.post("/admin/logout", signOut("staff.logout"));
    staffOnly.post("/admin/logout-everywhere", signOut("staff.logout-everywhere"));
  });
}
