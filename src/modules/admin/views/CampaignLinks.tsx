import { usePage } from "../../../views/context.ts";
import { type CampaignStatus, editorialState, PUBLIC_STATES } from "../../campaigns/campaign-states.ts";
import { StatusBadge } from "../../campaigns/views/StatusBadge.tsx";
import type { MessageKey } from "../../i18n/i18n.ts";
import { mayUse } from "../admin.policy.ts";
import { CAMPAIGN_ADMIN_LINKS } from "../campaign-links.ts";
import type { StaffViewer } from "../staff-area.ts";

/**
 * A campaign's own words inside a sentence of the interface: isolated (FSI … PDI), so that a
 * title in another direction than the page's does not reorder the words around it.
 */
export const isolated = (text: string) => `\u2068${text}\u2069`;

/** The campaigns area's own pages of a campaign, before the links other areas add. */
const OWN_LINKS: readonly { href: (id: number) => string; label: MessageKey }[] = [
  { href: (id) => `/admin/campaigns/${id}`, label: "admin.campaign.link.edit" },
  { href: (id) => `/admin/campaigns/${id}/image`, label: "admin.campaign.link.image" },
  { href: (id) => `/admin/campaigns/${id}/updates`, label: "admin.campaign.link.updates" },
];

/**
 * Everything a member of staff can open for one campaign: its editor pages, its public
 * page once it is public, and the links other admin areas add (each only for roles that
 * may use that area). `current` marks the page being shown.
 */
export function CampaignLinks({
  campaign,
  staff,
  current,
}: {
  campaign: { id: number; slug: string; status: CampaignStatus };
  staff: StaffViewer;
  current?: string;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const links = [
    ...(mayUse(staff.role, "campaigns") ? OWN_LINKS : []),
    ...CAMPAIGN_ADMIN_LINKS.filter((link) => mayUse(staff.role, link.area)),
  ].map((link) => ({ href: link.href(campaign.id), label: t(link.label) }));
  if ((PUBLIC_STATES as readonly string[]).includes(campaign.status))
    links.push({ href: `/campaigns/${campaign.slug}`, label: t("admin.campaign.link.public") });
  return (
    <ul class="campaign-links">
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} aria-current={link.href === current ? "page" : undefined}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The top of every page about one campaign in the admin: its title, state and links. */
export function CampaignHeader({
  campaign,
  staff,
  current,
  heading,
}: {
  campaign: { id: number; slug: string; title: string; status: CampaignStatus; publish_at: string | null };
  staff: StaffViewer;
  current: string;
  heading: string;
}) {
  const { i18n } = usePage();
  return (
    <header class="campaign-admin-header">
      <p>
        <a href="/admin/campaigns">{i18n.t("admin.campaigns.back")}</a>
      </p>
      <h1>{heading}</h1>
      <StatusBadge status={editorialState(campaign)} />
      <nav aria-label={i18n.t("admin.campaign.linksLabel")}>
        <CampaignLinks campaign={campaign} staff={staff} current={current} />
      </nav>
    </header>
  );
}
