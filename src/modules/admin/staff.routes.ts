import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import {
  changeRole,
  findStaffMember,
  inviteFromAdmin,
  listStaff,
  resetAccess,
  type StaffProblem,
  type StaffResult,
  setDisabled,
} from "./staff-admin.service.ts";
import { requireArea, type StaffRoutes, viewerOf } from "./staff-area.ts";
import { type InviteValues, SetupLinkPage, StaffListPage, StaffMemberPage } from "./views/StaffPages.tsx";

const PROBLEM: Record<StaffProblem, { field: string; key: MessageKey }> = {
  email: { field: "email", key: "admin.staff.error.email" },
  "email-taken": { field: "email", key: "admin.staff.error.emailTaken" },
  name: { field: "name", key: "admin.staff.error.name" },
  role: { field: "role", key: "admin.staff.error.role" },
  self: { field: "account", key: "admin.staff.error.self" },
  "last-admin": { field: "account", key: "admin.staff.error.lastAdmin" },
};

const writeLimit = { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } };

const field = (request: FastifyRequest, name: string) => {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.slice(0, 300) : "";
};

const idOf = (request: FastifyRequest) => {
  const raw = (request.params as { id?: string }).id ?? "";
  if (!/^\d{1,12}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
};

/** Staff accounts, for admins: invite, change a role, disable, and a new setup link for the locked out. */
export const staffRoutes: StaffRoutes = (app, deps) => {
  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: InviteValues,
    problem: StaffProblem | null = null,
  ) => {
    const staff = requireArea(request, "staff");
    const t = request.i18n.t;
    const errors = problem ? [{ field: PROBLEM[problem].field, message: t(PROBLEM[problem].key) }] : [];
    return reply.page(h(StaffListPage, { staff: viewerOf(staff), members: await listStaff(deps), values, errors }), {
      title: t("admin.staff.heading"),
      status: problem ? 400 : 200,
      hasErrors: errors.length > 0,
    });
  };

  const memberPage = async (request: FastifyRequest, reply: FastifyReply, result: StaffResult<unknown> | null) => {
    const staff = requireArea(request, "staff");
    const member = await findStaffMember(deps, idOf(request));
    const t = request.i18n.t;
    const problem = result && !result.ok ? result.problem : null;
    const errors = problem ? [{ field: PROBLEM[problem].field, message: t(PROBLEM[problem].key) }] : [];
    return reply.page(h(StaffMemberPage, { staff: viewerOf(staff), member, errors, saved: result?.ok === true }), {
      title: member.name,
      status: problem ? 400 : 200,
      hasErrors: errors.length > 0,
    });
  };

  const linkPage = (request: FastifyRequest, reply: FastifyReply, name: string, link: string) => {
    const staff = requireArea(request, "staff");
    return reply.page(h(SetupLinkPage, { staff: viewerOf(staff), name, link }), {
      title: request.i18n.t("admin.staff.link.heading"),
    });
  };

  app.get("/admin/staff", async (request, reply) =>
    listPage(request, reply, { name: "", email: "", role: "campaigner" }),
  );

  app.post("/admin/staff/invite", writeLimit, async (request, reply) => {
    const admin = requireArea(request, "staff");
    const values = { name: field(request, "name"), email: field(request, "email"), role: field(request, "role") };
    const result = await inviteFromAdmin(deps, admin.user.id, values);
    if (!result.ok) return listPage(request, reply, values, result.problem);
    return linkPage(request, reply, values.name.trim(), result.value);
  });

  app.get("/admin/staff/:id", async (request, reply) => memberPage(request, reply, null));

  app.post("/admin/staff/:id/role", writeLimit, async (request, reply) => {
    const admin = requireArea(request, "staff");
    return memberPage(request, reply, await changeRole(deps, admin.user.id, idOf(request), field(request, "role")));
  });

  for (const [action, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post(`/admin/staff/:id/${action}`, writeLimit, async (request, reply) => {
      const admin = requireArea(request, "staff");
      return memberPage(request, reply, await setDisabled(deps, admin.user.id, idOf(request), disabled));
    });
  }

  app.post("/admin/staff/:id/reset", writeLimit, async (request, reply) => {
    const admin = requireArea(request, "staff");
    const id = idOf(request);
    const member = await findStaffMember(deps, id);
    const result = await resetAccess(deps, admin.user.id, id);
    if (!result.ok) return memberPage(request, reply, result);
    return linkPage(request, reply, member.name, result.value);
  });
};
