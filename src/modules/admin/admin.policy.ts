import type { StaffRole } from "../../db/tables.ts";

/** The parts of the admin, and who may use each. */
const AREAS = {
  dashboard: ["admin", "campaigner", "moderator"],
  campaigns: ["admin", "campaigner"],
  supporters: ["admin", "campaigner"],
  audit: ["admin"],
  /** Email delivery: the outbox's counts and failed messages, and retrying them. */
  mail: ["admin", "campaigner"],
  /** Mailings to supporters who consented, and the suppression list. */
  mailings: ["admin", "campaigner"],
  /** The moderation queue of what the public submits (comments, later stories, groups, events). */
  moderation: ["admin", "campaigner", "moderator"],
  /** Watching a petition: its dashboard, the abuse view and its pause switch. */
  watch: ["admin", "campaigner"],
  /** The block and allow lists of email domains and network ranges. */
  abuse: ["admin", "campaigner"],
  /** The emergency switch that pauses signing on every petition. */
  signing: ["admin"],
  staff: ["admin"],
  /** API keys and webhooks: what the organisation's own tools connect with. */
  api: ["admin"],
  /** CSV exports of signatures and supporters, and petitions' delivery packs. */
  exports: ["admin", "campaigner"],
  /** Events: their attendees (emails to staff only) and cancelling one. */
  events: ["admin", "campaigner"],
  /** The site's own words: the take-action hub's items and the Learn resources. */
  content: ["admin", "campaigner"],
  /** Local groups: their member counts, and taking one off the site or putting it back. */
  groups: ["admin", "campaigner"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type AdminArea = keyof typeof AREAS;

export function mayUse(role: StaffRole, area: AdminArea): boolean {
  return (AREAS[area] as readonly StaffRole[]).includes(role);
}
