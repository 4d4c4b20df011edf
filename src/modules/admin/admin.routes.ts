import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import QRCode from "qrcode";
import type { Deps } from "../../deps.ts";
import { ForbiddenError } from "../../errors.ts";
import { readCounts } from "../petitions/counts.repo.ts";
import { mayUse } from "./admin.policy.ts";
import { listAudit, recordAudit } from "./audit.repo.ts";
import { totpFor } from "./credentials.ts";
import { endAllSessions, endSession, findSession, type StaffSession } from "./sessions.ts";
import { completeSetup, logIn, prepareSetup, type SetupProblem } from "./staff.service.ts";
import { findSupporterRecord } from "./supporter-record.service.ts";
import { AuditPage, DashboardPage, LoginPage, RecoveryCodesPage, SetupPage } from "./views/AdminPages.tsx";
import { SupporterRecordPage } from "./views/SupporterRecordPage.tsx";

declare module "fastify" {
  interface FastifyRequest {
    staff: StaffSession | null;
  }
}

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
    const session = await logIn(deps, { email: str(body.email), password: str(body.password), code: str(body.code) });
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

  // Everything else under /admin needs a live staff session.
  await app.register(async (staffOnly) => {
    staffOnly.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
      request.staff = await findSession(deps.db, request.cookies[cookieName]);
      if (!request.staff) return reply.redirect("/admin/login", 303);
      reply.headers(PRIVATE);
    });
    const staffOf = (request: FastifyRequest) => request.staff as StaffSession;

    staffOnly.get("/admin", async (request, reply) => {
      const staff = staffOf(request);
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
          staff: { name: staff.user.name, isAdmin: staff.user.role === "admin" },
        }),
        { title: request.i18n.t("admin.dashboard.heading") },
      );
    });

    staffOnly.get("/admin/audit", async (request, reply) => {
      const staff = staffOf(request);
      if (!mayUse(staff.user.role, "audit")) throw new ForbiddenError();
      const action = String((request.query as Record<string, unknown>).action ?? "").slice(0, 80);
      const rows = await listAudit(deps.db, action ? { action } : {});
      return reply.page(h(AuditPage, { rows, action, staff: { name: staff.user.name } }), {
        title: request.i18n.t("admin.audit.heading"),
      });
    });

    // The address is posted, not put in the URL: it stays out of history and proxies' logs,
    // and a link on another site cannot make a campaigner look someone up.
    const supporterLookup = async (request: FastifyRequest, reply: FastifyReply, email: string) => {
      const staff = staffOf(request);
      if (!mayUse(staff.user.role, "supporters")) throw new ForbiddenError();
      const record = email ? await findSupporterRecord(deps, staff.user.id, email) : null;
      return reply.page(
        h(SupporterRecordPage, {
          staff: { name: staff.user.name, isAdmin: staff.user.role === "admin" },
          email,
          record,
        }),
        { title: request.i18n.t("admin.supporters.heading") },
      );
    };
    staffOnly.get("/admin/supporters", async (request, reply) => supporterLookup(request, reply, ""));
    staffOnly.post(
      "/admin/supporters",
      { config: { rateLimit: { max: 60, timeWindow: "1 minute" } } },
      async (request, reply) => {
        const email = (request.body as Record<string, unknown> | undefined)?.email;
        return supporterLookup(request, reply, typeof email === "string" ? email.trim().slice(0, 254) : "");
      },
    );

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
