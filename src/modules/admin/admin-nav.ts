import type { MessageKey } from "../i18n/i18n.ts";
import type { AdminArea } from "./admin.policy.ts";

/** The admin bar's links, in order; each shows only to roles that may use its area. */
export const ADMIN_NAV: readonly { href: string; label: MessageKey; area: AdminArea }[] = [
  { href: "/admin", label: "admin.nav.dashboard", area: "dashboard" },
  { href: "/admin/supporters", label: "admin.nav.supporters", area: "supporters" },
  { href: "/admin/audit", label: "admin.nav.audit", area: "audit" },
];
