import type { MailState } from "../../../db/tables.ts";
import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import type { MessageKey } from "../../i18n/i18n.ts";
import { localisedPath } from "../../i18n/locales.ts";
import { MAIL_STATES } from "../outbox.repo.ts";
import type { FailedMail } from "../outbox-admin.repo.ts";

const STATE_LABEL: Record<MailState, MessageKey> = {
  queued: "admin.mail.state.queued",
  sending: "admin.mail.state.sending",
  sent: "admin.mail.state.sent",
  failed: "admin.mail.state.failed",
  cancelled: "admin.mail.state.cancelled",
};

/**
 * The outbox as staff see it: how many messages are in each state, and the failed ones
 * with what identifies them (masked recipient, subject, error), never their content.
 */
export function MailAdminPage({
  staff,
  counts,
  failed,
  retried,
}: {
  staff: StaffViewer;
  counts: Record<MailState, number>;
  failed: FailedMail[];
  retried: number | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = (p: string) => localisedPath(i18n.locale, p);
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.mail.heading")}</h1>
      {retried !== null ? (
        <p class="notice" role="status">
          {t("admin.mail.retried", { count: retried })}
        </p>
      ) : null}
      <p class="lead">{t("admin.mail.intro")}</p>
      <table class="admin-table">
        <caption>{t("admin.mail.counts")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.mail.state")}</th>
            <th scope="col">{t("admin.mail.count")}</th>
          </tr>
        </thead>
        <tbody>
          {MAIL_STATES.map((state) => (
            <tr key={state}>
              <th scope="row">{t(STATE_LABEL[state])}</th>
              <td>{i18n.formatNumber(counts[state])}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("admin.mail.failed")}</h2>
      {failed.length === 0 ? (
        <p>{t("admin.mail.noneFailed")}</p>
      ) : (
        <>
          {failed.some((m) => m.retryable) ? (
            <Form action={path("/admin/mail/retry-all")}>
              <button type="submit" class="button">
                {t("admin.mail.retryAll")}
              </button>
            </Form>
          ) : null}
          <table class="admin-table">
            <caption>{t("admin.mail.failedCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.mail.recipient")}</th>
                <th scope="col">{t("admin.mail.subject")}</th>
                <th scope="col">{t("admin.mail.error")}</th>
                <th scope="col">{t("admin.mail.attempts")}</th>
                <th scope="col">{t("admin.mail.when")}</th>
                <th scope="col">{t("admin.mail.action")}</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((m) => (
                <tr key={m.id}>
                  <td dir="ltr">{m.recipient_masked ?? "—"}</td>
                  <td id={`mail-${m.id}-subject`}>{m.subject ?? "—"}</td>
                  <td dir="ltr">
                    <code>{m.last_error ?? "—"}</code>
                  </td>
                  <td>{i18n.formatNumber(m.attempts)}</td>
                  <td>
                    <time dateTime={m.updated_at}>
                      {i18n.formatDate(m.updated_at, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </td>
                  <td>
                    {m.retryable ? (
                      <Form action={path(`/admin/mail/${m.id}/retry`)}>
                        <button
                          type="submit"
                          class="button button--secondary"
                          aria-describedby={`mail-${m.id}-subject`}
                        >
                          {t("admin.mail.retry")}
                        </button>
                      </Form>
                    ) : (
                      t("admin.mail.cannotRetry")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </AdminFrame>
  );
}
