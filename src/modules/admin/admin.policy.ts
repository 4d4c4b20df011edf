import type { StaffRole } from "../../db/tables.ts";

/** The parts of the admin, and who may use each. */
const AREAS = {
  dashboard: ["admin", "campaigner", "moderator"],
  campaigns: ["admin", "campaigner"],
  supporters: ["admin", "campaigner"],
  audit: ["admin"],
  staff: ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type AdminArea = keyof typeof AREAS;

export function mayUse(role: StaffRole, area: AdminArea): boolean {
  return (AREAS[area] as readonly StaffRole[]).includes(role);
}
