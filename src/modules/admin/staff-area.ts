import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { ForbiddenError } from "../../errors.ts";
import { type AdminArea, mayUse } from "./admin.policy.ts";
import type { StaffSession } from "./sessions.ts";

/** Who is looking at an admin page: what the admin bar needs to show the right links. */
export interface StaffViewer {
  name: string;
  role: StaffSession["user"]["role"];
}

/** A group of admin routes; registered behind the staff session check by adminRoutes. */
export type StaffRoutes = (app: FastifyInstance, deps: Deps) => Promise<void> | void;

/** The signed-in staff member of a request behind the session check. */
export function staffOf(request: FastifyRequest): StaffSession {
  if (!request.staff) throw new ForbiddenError();
  return request.staff;
}

/** The staff member, if their role may use this part of the admin; a 403 otherwise. */
export function requireArea(request: FastifyRequest, area: AdminArea): StaffSession {
  const staff = staffOf(request);
  if (!mayUse(staff.user.role, area)) throw new ForbiddenError();
  return staff;
}

export function viewerOf(staff: StaffSession): StaffViewer {
  return { name: staff.user.name, role: staff.user.role };
}
