import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { AdminTable, CheckboxFieldset, RowAction } from "../../admin/views/AdminParts.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { ApiKeyRow } from "../api-keys.repo.ts";
import { API_SCOPES, scopesOf } from "../api-keys.ts";

export interface ApiKeyValues {
  name: string;
  scopes: string[];
  expires: string;
}

/** The one time a key or secret is shown, with the words that say so. */
export function ShownOnce({ label, value, id }: { label: string; value: string; id: string }) {
  const t = usePage().i18n.t;
  return (
    <div class="notice" role="status">
      <p>{t("admin.api.shownOnce")}</p>
      <div class="field">
        <label for={id}>{label}</label>
        <input id={id} type="text" readOnly value={value} dir="ltr" autocomplete="off" spellcheck={false} />
      </div>
    </div>
  );
}

/** API keys: the list (never the keys themselves), making one, revoking one. */
export function ApiKeysPage({
  staff,
  keys,
  values,
  errors,
  created,
}: {
  staff: StaffViewer;
  keys: ApiKeyRow[];
  values: ApiKeyValues;
  errors: FieldError[];
  created: { name: string; key: string } | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = (p: string) => localisedPath(i18n.locale, p);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const when = (at: string | null) =>
    at ? <time dateTime={at}>{i18n.formatDate(at, { dateStyle: "medium", timeStyle: "short" })}</time> : "—";
  const now = new Date().toISOString();
  return (
    <AdminFrame staff={staff}>
      <ErrorSummary errors={errors} />
      <h1>{t("admin.api.heading")}</h1>
      <p class="lead">{t("admin.api.intro")}</p>
      <p>
        <a href="/api/v1/docs">{t("admin.api.reference")}</a> ·{" "}
        <a href={path("/admin/api/webhooks")}>{t("admin.webhooks.heading")}</a>
      </p>
      {created ? (
        <ShownOnce id="new-api-key" label={t("admin.api.newKey", { name: created.name })} value={created.key} />
      ) : null}
      <AdminTable
        rows={keys}
        none={t("admin.api.none")}
        caption={t("admin.api.keys")}
        headings={[
          t("admin.api.name"),
          t("admin.api.prefix"),
          t("admin.api.scopes"),
          t("admin.api.expires"),
          t("admin.api.lastUsed"),
          t("admin.api.state"),
        ]}
      >
        {(k) => {
          const usable = !k.revoked_at && !(k.expires_at && k.expires_at <= now);
          return (
            <tr key={k.id}>
              <th scope="row" id={`key-${k.id}`}>
                <bdi>{k.name}</bdi>
              </th>
              <td dir="ltr">
                <code>{k.prefix}…</code>
              </td>
              <td>{scopesOf(k.scopes).join(", ")}</td>
              <td>{when(k.expires_at)}</td>
              <td>{when(k.last_used_at)}</td>
              <td>
                {k.revoked_at ? (
                  t("admin.api.revoked")
                ) : usable ? (
                  <RowAction
                    action={path(`/admin/api/keys/${k.id}/revoke`)}
                    label={t("admin.api.revoke")}
                    describedBy={`key-${k.id}`}
                    inline={false}
                  />
                ) : (
                  t("admin.api.expired")
                )}
              </td>
            </tr>
          );
        }}
      </AdminTable>
      <h2>{t("admin.api.create")}</h2>
      <Form action={path("/admin/api/keys")}>
        <Field name="name" label={t("admin.api.name")} hint={t("admin.api.nameHint")} error={error("name")}>
          {(a) => <input {...a} type="text" autocomplete="off" dir="auto" value={values.name} maxLength={100} />}
        </Field>
        <CheckboxFieldset
          name="scopes"
          legend={t("admin.api.scopes")}
          error={error("scopes")}
          idPrefix="scope"
          choices={API_SCOPES.map((scope) => ({
            value: scope,
            label: t(scope === "read" ? "admin.api.scope.read" : "admin.api.scope.write"),
          }))}
          checked={values.scopes}
        />
        <Field
          name="expires"
          label={t("admin.api.expiresLabel")}
          hint={t("admin.api.expiresHint")}
          error={error("expires")}
        >
          {(a) => <input {...a} type="date" value={values.expires} />}
        </Field>
        <button type="submit" class="button">
          {t("admin.api.createSubmit")}
        </button>
      </Form>
    </AdminFrame>
  );
}
