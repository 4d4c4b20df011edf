import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../staff-area.ts";
import type { SupporterRecord } from "../supporter-record.service.ts";
import { AdminFrame } from "./AdminPages.tsx";

export function SupporterRecordPage({
  staff,
  email,
  record,
}: {
  staff: StaffViewer;
  email: string;
  record: SupporterRecord | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const date = (value: string | null) =>
    value ? i18n.formatDate(value, { dateStyle: "medium", timeStyle: "short" }) : "—";
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.supporters.heading")}</h1>
      <Form action="/admin/supporters" class="admin-filter">
        <div class="field">
          <label for="find-email">{t("admin.supporters.find")}</label>
          <input id="find-email" name="email" type="email" value={email} dir="ltr" autocomplete="off" />
        </div>
        <button type="submit" class="button button--secondary">
          {t("admin.supporters.search")}
        </button>
      </Form>
      {email && !record ? <p role="status">{t("admin.supporters.none")}</p> : null}
      {record ? (
        <>
          <h2>
            <bdi>{record.supporter.name}</bdi> (<bdi dir="ltr">{record.supporter.email}</bdi>)
          </h2>
          <p>
            {t("admin.supporters.since", { date: date(record.supporter.created_at) })}{" "}
            {record.supporter.member_since
              ? t("admin.supporters.member", { date: date(record.supporter.member_since) })
              : null}
          </p>
          <table class="admin-table">
            <caption>{t("admin.supporters.consents")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.supporters.purpose")}</th>
                <th scope="col">{t("admin.supporters.wording")}</th>
                <th scope="col">{t("admin.supporters.source")}</th>
                <th scope="col">{t("admin.supporters.given")}</th>
                <th scope="col">{t("admin.supporters.confirmed")}</th>
                <th scope="col">{t("admin.supporters.withdrawn")}</th>
              </tr>
            </thead>
            <tbody>
              {record.consents.map((c) => (
                <tr key={c.id}>
                  <td dir="ltr">{c.purpose}</td>
                  <td lang={c.locale}>
                    <q>{c.wording}</q> <span dir="ltr">({c.wording_version})</span>
                  </td>
                  <td dir="ltr">
                    {c.source} · {c.method}
                  </td>
                  <td>{date(c.given_at)}</td>
                  <td>{date(c.confirmed_at)}</td>
                  <td>
                    {date(c.withdrawn_at)}
                    {c.withdrawn_method ? <span dir="ltr"> ({c.withdrawn_method})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="admin-table">
            <caption>{t("admin.supporters.signatures")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.dashboard.campaign")}</th>
                <th scope="col">{t("admin.dashboard.status")}</th>
                <th scope="col">{t("admin.supporters.given")}</th>
                <th scope="col">{t("admin.supporters.confirmed")}</th>
              </tr>
            </thead>
            <tbody>
              {record.signatures.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.title}</th>
                  <td dir="ltr">{s.status}</td>
                  <td>{date(s.created_at)}</td>
                  <td>{date(s.confirmed_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </AdminFrame>
  );
}
