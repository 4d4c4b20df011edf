import type { HoldReason } from "../../../db/tables.ts";
import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";

const REASON_LABEL = {
  blocked: "admin.held.reason.blocked",
  honeypot: "admin.held.reason.honeypot",
  "too-fast": "admin.held.reason.tooFast",
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
      {held.length === 0 ? (
        <p>{t("admin.held.none")}</p>
      ) : (
        <table class="admin-table">
          <caption>{t("admin.held.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.held.reason")}</th>
              <th scope="col">{t("admin.held.count")}</th>
              <th scope="col">{t("admin.abuse.action")}</th>
            </tr>
          </thead>
          <tbody>
            {held.map((h) => (
              <tr key={h.reason}>
                <th scope="row">{t(REASON_LABEL[h.reason])}</th>
                <td>{i18n.formatNumber(h.count)}</td>
                <td>
                  <Form action={`/admin/campaigns/${campaignId}/abuse/release`} class="inline-form">
                    <input type="hidden" name="reason" value={h.reason} />
                    <button type="submit" class="button button--secondary">
                      {t("admin.held.release", { count: h.count, reason: t(REASON_LABEL[h.reason]) })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
