import type { MessageKey } from "../i18n/i18n.ts";
import type { AdminArea } from "./admin.policy.ts";

/** The admin bar's links, in order; each shows only to roles that may use its area. */
export const ADMIN_NAV: readonly { href: string; label: MessageKey; area: AdminArea }[] = [
  { href: "/admin", label: "admin.nav.dashboard", area: "dashboard" },
  { href: "/admin/campaigns", label: "admin.nav.campaigns", area: "campaigns" },
  { href: "/admin/supporters", label: "admin.nav.supporters", area: "supporters" },
  { href: "/admin/moderation", label: "admin.nav.moderation", area: "moderation" },
  { href: "/admin/events", label: "admin.nav.events", area: "events" },
  { href: "/admin/groups", label: "admin.nav.groups", area: "groups" },
  { href: "/admin/home-page", label: "admin.nav.homePage", area: "content" },
  { href: "/admin/pages", label: "admin.nav.pages", area: "content" },
  { href: "/admin/figures", label: "admin.nav.figures", area: "content" },
  { href: "/admin/take-action", label: "admin.nav.takeAction", area: "content" },
  { href: "/admin/learn", label: "admin.nav.learn", area: "content" },
  { href: "/admin/exports", label: "admin.nav.exports", area: "exports" },
  { href: "/admin/staff", label: "admin.nav.staff", area: "staff" },
  { href: "/admin/abuse", label: "admin.nav.abuse", area: "abuse" },
  { href: "/admin/signing", label: "admin.nav.signing", area: "signing" },
  { href: "/admin/mailings", label: "admin.nav.mailings", area: "mailings" },
  { href: "/admin/mail", label: "admin.nav.mail", area: "mail" },
  { href: "/admin/api", label: "admin.nav.api", area: "api" },
  { href: "/admin/audit", label: "admin.nav.audit", area: "audit" },
];
