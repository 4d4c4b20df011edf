import { usePage } from "../../../views/context.ts";
import { type CampaignStatus, editorialState } from "../../campaigns/campaign-states.ts";
import { StatusBadge } from "../../campaigns/views/StatusBadge.tsx";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";
import { CampaignLinks } from "./CampaignLinks.tsx";

export interface ListedCampaign {
  id: number;
  slug: string;
  title: string;
  status: CampaignStatus;
  publish_at: string | null;
  locale: string;
  total: number;
}

/** Every campaign, drafts included, with its state, count and links. */
export function CampaignListPage({ campaigns, staff }: { campaigns: ListedCampaign[]; staff: StaffViewer }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.campaigns.heading")}</h1>
      <p>
        <a class="button" href="/admin/campaigns/new">
          {t("admin.campaigns.new")}
        </a>
      </p>
      {campaigns.length === 0 ? (
        <p>{t("admin.campaigns.none")}</p>
      ) : (
        <table class="admin-table">
          <caption>{t("admin.campaigns.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.dashboard.campaign")}</th>
              <th scope="col">{t("admin.dashboard.status")}</th>
              <th scope="col">{t("petition.byCountry.signatures")}</th>
              <th scope="col">{t("admin.campaigns.links")}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={`/admin/campaigns/${c.id}`} dir="auto" lang={c.locale}>
                    {c.title}
                  </a>
                </th>
                <td>
                  <StatusBadge status={editorialState(c)} />
                  {editorialState(c) === "scheduled" && c.publish_at ? (
                    <p>
                      {t("admin.campaign.opensAt", {
                        date: i18n.formatDate(c.publish_at, {
                          dateStyle: "medium",
                          timeStyle: "short",
                          timeZone: "UTC",
                        }),
                      })}
                    </p>
                  ) : null}
                </td>
                <td>{i18n.formatNumber(c.total)}</td>
                <td>
                  <CampaignLinks campaign={c} staff={staff} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminFrame>
  );
}
