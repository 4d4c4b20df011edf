import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
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
      {keys.length === 0 ? (
        <p>{t("admin.api.none")}</p>
      ) : (
        <table class="admin-table">
          <caption>{t("admin.api.keys")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.api.name")}</th>
              <th scope="col">{t("admin.api.prefix")}</th>
              <th scope="col">{t("admin.api.scopes")}</th>
              <th scope="col">{t("admin.api.expires")}</th>
              <th scope="col">{t("admin.api.lastUsed")}</th>
              <th scope="col">{t("admin.api.state")}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
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
                      <Form action={path(`/admin/api/keys/${k.id}/revoke`)}>
                        <button type="submit" class="button button--secondary" aria-describedby={`key-${k.id}`}>
                          {t("admin.api.revoke")}
                        </button>
                      </Form>
                    ) : (
                      t("admin.api.expired")
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2>{t("admin.api.create")}</h2>
      <Form action={path("/admin/api/keys")}>
        <Field name="name" label={t("admin.api.name")} hint={t("admin.api.nameHint")} error={error("name")}>
          {(a) => <input {...a} type="text" autocomplete="off" dir="auto" value={values.name} maxLength={100} />}
        </Field>
        <fieldset class={error("scopes") ? "field field--error" : "field"}>
          <legend>{t("admin.api.scopes")}</legend>
          {error("scopes") ? (
            <p class="field__error">{t("form.errorPrefix", { message: error("scopes") ?? "" })}</p>
          ) : null}
          {API_SCOPES.map((scope, i) => (
            <div class="checkbox" key={scope}>
              <input
                type="checkbox"
                id={i === 0 ? "field-scopes" : `scope-${scope}`}
                name="scopes"
                value={scope}
                checked={values.scopes.includes(scope)}
              />
              <label for={i === 0 ? "field-scopes" : `scope-${scope}`}>
                {t(scope === "read" ? "admin.api.scope.read" : "admin.api.scope.write")}
              </label>
            </div>
          ))}
        </fieldset>
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
