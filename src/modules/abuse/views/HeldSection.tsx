import type { HoldReason } from "../../../db/tables.ts";
import { usePage } from "../../../views/context.ts";
import { AdminTable, RowAction } from "../../admin/views/AdminParts.tsx";

const REASON_LABEL = {
  blocked: "admin.held.reason.blocked",
  honeypot: "admin.held.reason.honeypot",
  "too-fast": "admin.held.reason.tooFast",
  challenge: "admin.held.reason.challenge",
} as const;

/**
 * A petition's signatures held back quietly at signing, by reason, each group with the button
 * that releases it (counted, or sent its confirmation email, as the petition asks).
 */
export function HeldSection({
  campaignId,
  held,
}: {
  campaignId: number;
  held: { reason: HoldReason; count: number }[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <section aria-labelledby="abuse-held">
      <h2 id="abuse-held">{t("admin.held.heading")}</h2>
      <p>{t("admin.held.intro")}</p>
      <AdminTable
        rows={held}
        none={t("admin.held.none")}
        caption={t("admin.held.caption")}
        headings={[t("admin.held.reason"), t("admin.held.count"), t("admin.abuse.action")]}
      >
        {(h) => (
          <tr key={h.reason}>
            <th scope="row">{t(REASON_LABEL[h.reason])}</th>
            <td>{i18n.formatNumber(h.count)}</td>
            <td>
              <RowAction
                action={`/admin/campaigns/${campaignId}/abuse/release`}
                hidden={{ reason: h.reason }}
                label={t("admin.held.release", { count: h.count, reason: t(REASON_LABEL[h.reason]) })}
              />
            </td>
          </tr>
        )}
      </AdminTable>
    </section>
  );
}
