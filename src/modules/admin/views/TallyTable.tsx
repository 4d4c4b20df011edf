import { usePage } from "../../../views/context.ts";
import type { Tally } from "../../petitions/watch.repo.ts";

/** The top sources or referral codes: signatures received through each, and confirmed. */
export function TallyTable({
  caption,
  keyHeading,
  rows,
  blank,
  code = false,
}: {
  caption: string;
  keyHeading: string;
  rows: Tally[];
  /** What a row without a key (no source given) is called. */
  blank: string;
  code?: boolean;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  if (rows.length === 0) return <p>{t("admin.watch.noneYet")}</p>;
  return (
    <table class="admin-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeading}</th>
          <th scope="col">{t("admin.watch.received")}</th>
          <th scope="col">{t("admin.watch.confirmed")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key ?? ""}>
            <th scope="row" dir={r.key ? "ltr" : undefined}>
              {r.key === null ? blank : code ? <code>{r.key}</code> : r.key}
            </th>
            <td>{i18n.formatNumber(r.received)}</td>
            <td>{i18n.formatNumber(r.confirmed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
