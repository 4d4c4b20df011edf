import { usePage } from "../../../views/context.ts";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { AdminTable, Notice, RowAction } from "../../admin/views/AdminParts.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { listGroupsForStaff } from "../groups.repo.ts";

type StaffGroup = Awaited<ReturnType<typeof listGroupsForStaff>>[number];

/** What the page says after a change, by the `done` the redirect names. */
export const ADMIN_GROUP_NOTICES = {
  unpublish: "groups.admin.unpublished",
  republish: "groups.admin.republished",
  edit: "groups.admin.edited",
  organiser: "groups.admin.organiserSet",
} as const;

export type AdminGroupNotice = keyof typeof ADMIN_GROUP_NOTICES;

export function AdminGroupsPage({
  staff,
  groups,
  notice,
}: {
  staff: StaffViewer;
  groups: StaffGroup[];
  notice: AdminGroupNotice | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <AdminFrame staff={staff}>
      <h1>{t("groups.heading")}</h1>
      <Notice>{notice ? t(ADMIN_GROUP_NOTICES[notice]) : null}</Notice>
      <AdminTable
        rows={groups}
        none={t("groups.none")}
        headings={[
          t("groups.admin.col.group"),
          t("events.where"),
          t("groups.admin.col.members"),
          t("groups.admin.col.status"),
          t("groups.admin.col.action"),
        ]}
      >
        {(g) => (
          <tr key={g.id}>
            <td dir="auto">
              {g.status === "published" ? <a href={at(`/groups/${g.slug}`)}>{g.name}</a> : g.name}
              <br />
              <a href={at(`/admin/groups/${g.id}/edit`)}>{t("groups.admin.editLink", { group: g.name })}</a>
              {g.hasOrganiser ? null : (
                <>
                  <br />
                  <span>{t("groups.admin.noOrganiser")}</span>
                </>
              )}
            </td>
            <td>{t("groups.place", { town: g.town, country: i18n.countryName(g.country) })}</td>
            <td>{i18n.formatNumber(g.members)}</td>
            <td>{t(g.status === "published" ? "groups.admin.status.published" : "groups.admin.status.unpublished")}</td>
            <td>
              <RowAction
                action={at(`/admin/groups/${g.id}/${g.status === "published" ? "unpublish" : "republish"}`)}
                label={t(g.status === "published" ? "groups.admin.unpublish" : "groups.admin.republish", {
                  group: g.name,
                })}
              />
            </td>
          </tr>
        )}
      </AdminTable>
    </AdminFrame>
  );
}
