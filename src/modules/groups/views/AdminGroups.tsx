import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { listGroupsForStaff } from "../groups.repo.ts";

type StaffGroup = Awaited<ReturnType<typeof listGroupsForStaff>>[number];

export function AdminGroupsPage({
  staff,
  groups,
  notice,
}: {
  staff: StaffViewer;
  groups: StaffGroup[];
  notice: "unpublish" | "republish" | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <AdminFrame staff={staff}>
      <h1>{t("groups.heading")}</h1>
      {notice ? (
        <p class="notice" role="status">
          {t(notice === "unpublish" ? "groups.admin.unpublished" : "groups.admin.republished")}
        </p>
      ) : null}
      {groups.length === 0 ? (
        <p>{t("groups.none")}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("groups.admin.col.group")}</th>
              <th scope="col">{t("events.where")}</th>
              <th scope="col">{t("groups.admin.col.members")}</th>
              <th scope="col">{t("groups.admin.col.status")}</th>
              <th scope="col">{t("groups.admin.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <td dir="auto">
                  {g.status === "published" ? <a href={at(`/groups/${g.slug}`)}>{g.name}</a> : g.name}
                  {g.hasOrganiser ? null : (
                    <>
                      <br />
                      <span>{t("groups.admin.noOrganiser")}</span>
                    </>
                  )}
                </td>
                <td>{t("groups.place", { town: g.town, country: i18n.countryName(g.country) })}</td>
                <td>{i18n.formatNumber(g.members)}</td>
                <td>
                  {t(g.status === "published" ? "groups.admin.status.published" : "groups.admin.status.unpublished")}
                </td>
                <td>
                  <Form
                    action={at(`/admin/groups/${g.id}/${g.status === "published" ? "unpublish" : "republish"}`)}
                    class="inline-form"
                  >
                    <button type="submit" class="button button--secondary">
                      {t(g.status === "published" ? "groups.admin.unpublish" : "groups.admin.republish", {
                        group: g.name,
                      })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminFrame>
  );
}
