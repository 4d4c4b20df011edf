import type { MessageKey } from "../i18n/i18n.ts";
import type { AdminArea } from "./admin.policy.ts";

/**
 * The links each campaign has in the admin (editor, dashboard, exports, …), shown beside it
 * on the campaign list and the editor; each only to roles that may use its area.
 */
export const CAMPAIGN_ADMIN_LINKS: readonly {
  href: (campaignId: number) => string;
  label: MessageKey;
  area: AdminArea;
}[] = [
  { href: (id) => `/admin/campaigns/${id}/dashboard`, label: "admin.watch.link", area: "watch" },
  { href: (id) => `/admin/campaigns/${id}/abuse`, label: "admin.abuse.link", area: "watch" },
  { href: (id) => `/admin/campaigns/${id}/export`, label: "export.signatures.link", area: "exports" },
  { href: (id) => `/admin/campaigns/${id}/delivery`, label: "delivery.link", area: "exports" },
];
