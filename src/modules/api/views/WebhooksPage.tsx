import type { WebhookDeliveryState } from "../../../db/tables.ts";
import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { AdminTable, CheckboxFieldset, Notice, RowAction } from "../../admin/views/AdminParts.tsx";
import type { MessageKey } from "../../i18n/i18n.ts";
import { localisedPath } from "../../i18n/locales.ts";
import { WEBHOOK_EVENT_TYPES } from "../webhook-events.ts";
import type { DeliveryLogRow, EndpointRow } from "../webhooks.repo.ts";
import { ShownOnce } from "./ApiKeysPage.tsx";

export interface EndpointValues {
  url: string;
  description: string;
  events: string[];
}

const STATE_LABEL: Record<WebhookDeliveryState, MessageKey> = {
  queued: "admin.webhooks.state.queued",
  sending: "admin.webhooks.state.sending",
  delivered: "admin.webhooks.state.delivered",
  failed: "admin.webhooks.state.failed",
};

/** Webhook endpoints, registering one (its secret shown once), and the log of deliveries with replay. */
export function WebhooksPage({
  staff,
  endpoints,
  deliveries,
  values,
  errors,
  created,
  replayed,
}: {
  staff: StaffViewer;
  endpoints: EndpointRow[];
  deliveries: DeliveryLogRow[];
  values: EndpointValues;
  errors: FieldError[];
  created: { url: string; secret: string } | null;
  replayed: boolean;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = (p: string) => localisedPath(i18n.locale, p);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <AdminFrame staff={staff}>
      <ErrorSummary errors={errors} />
      <h1>{t("admin.webhooks.heading")}</h1>
      <p class="lead">{t("admin.webhooks.intro")}</p>
      <p>
        <a href="/api/v1/docs">{t("admin.api.reference")}</a> ·{" "}
        <a href={path("/admin/api")}>{t("admin.api.heading")}</a>
      </p>
      <Notice>{replayed ? t("admin.webhooks.replayed") : null}</Notice>
      {created ? (
        <ShownOnce
          id="new-webhook-secret"
          label={t("admin.webhooks.secret", { url: created.url })}
          value={created.secret}
        />
      ) : null}
      <h2>{t("admin.webhooks.endpoints")}</h2>
      <AdminTable
        rows={endpoints}
        none={t("admin.webhooks.none")}
        caption={t("admin.webhooks.endpoints")}
        headings={[
          t("admin.webhooks.url"),
          t("admin.webhooks.description"),
          t("admin.webhooks.events"),
          t("admin.api.state"),
        ]}
      >
        {(e) => (
          <tr key={e.id}>
            <th scope="row" dir="ltr" id={`endpoint-${e.id}`}>
              <code>{e.url}</code>
            </th>
            <td>
              <bdi>{e.description || "—"}</bdi>
            </td>
            <td dir="ltr">{e.events.split(" ").join(", ")}</td>
            <td>
              {e.disabled_at ? (
                t("admin.webhooks.disabled")
              ) : (
                <RowAction
                  action={path(`/admin/api/webhooks/${e.id}/disable`)}
                  label={t("admin.webhooks.disable")}
                  describedBy={`endpoint-${e.id}`}
                  inline={false}
                />
              )}
            </td>
          </tr>
        )}
      </AdminTable>

      <h2>{t("admin.webhooks.create")}</h2>
      <Form action={path("/admin/api/webhooks")}>
        <Field name="url" label={t("admin.webhooks.url")} hint={t("admin.webhooks.urlHint")} error={error("url")}>
          {(a) => <input {...a} type="url" autocomplete="off" dir="ltr" value={values.url} maxLength={500} />}
        </Field>
        <Field name="description" label={t("admin.webhooks.description")} error={error("description")}>
          {(a) => <input {...a} type="text" autocomplete="off" dir="auto" value={values.description} maxLength={200} />}
        </Field>
        <CheckboxFieldset
          name="events"
          legend={t("admin.webhooks.events")}
          error={error("events")}
          idPrefix="event"
          choices={WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, label: type, dir: "ltr" as const }))}
          checked={values.events}
        />
        <button type="submit" class="button">
          {t("admin.webhooks.createSubmit")}
        </button>
      </Form>

      <h2>{t("admin.webhooks.log")}</h2>
      <AdminTable
        rows={deliveries}
        none={t("admin.webhooks.noDeliveries")}
        caption={t("admin.webhooks.logCaption")}
        headings={[
          t("admin.webhooks.event"),
          t("admin.webhooks.url"),
          t("admin.api.state"),
          t("admin.webhooks.attempts"),
          t("admin.webhooks.response"),
          t("admin.webhooks.when"),
          t("admin.webhooks.action"),
        ]}
      >
        {(d) => (
          <tr key={d.id} class="webhook-delivery">
            <th scope="row" dir="ltr" id={`delivery-${d.id}`}>
              <code>{d.type}</code> <code>{d.message_id}</code>
            </th>
            <td dir="ltr">
              <code>{d.url}</code>
            </td>
            <td>{t(STATE_LABEL[d.state])}</td>
            <td>{i18n.formatNumber(d.attempts)}</td>
            <td dir="ltr">
              <code>{d.response_status ?? d.last_error ?? "—"}</code>
              {d.response_body ? <pre class="webhook-body">{d.response_body.slice(0, 200)}</pre> : null}
            </td>
            <td>
              <time dateTime={d.updated_at}>
                {i18n.formatDate(d.updated_at, { dateStyle: "medium", timeStyle: "medium" })}
              </time>
            </td>
            <td>
              {d.state === "delivered" || d.state === "failed" ? (
                <RowAction
                  action={path(`/admin/api/deliveries/${d.id}/replay`)}
                  label={t("admin.webhooks.replay")}
                  describedBy={`delivery-${d.id}`}
                  inline={false}
                />
              ) : (
                "—"
              )}
            </td>
          </tr>
        )}
      </AdminTable>
    </AdminFrame>
  );
}
