import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { RadioFieldset } from "../../../views/RadioFieldset.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { AdminTable, Notice, RowAction } from "../../admin/views/AdminParts.tsx";
import { NOTE_MAX, type RuleForm } from "../abuse-admin.service.ts";
import type { listRulesForAdmin } from "../rules.repo.ts";

type RuleRow = Awaited<ReturnType<typeof listRulesForAdmin>>[number];

const KIND_LABEL = { "email-domain": "admin.rules.kind.domain", network: "admin.rules.kind.network" } as const;
const ACTION_LABEL = { block: "admin.rules.action.block", allow: "admin.rules.action.allow" } as const;

/** The block and allow lists: what each entry does, who added it, and a form to add one. */
export function RulesPage({
  rules,
  form,
  errors,
  outcome,
  staff,
}: {
  rules: RuleRow[];
  form: RuleForm;
  errors: FieldError[];
  outcome: "added" | "removed" | null;
  staff: StaffViewer;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.rules.heading")}</h1>
      <Notice>{outcome ? t(outcome === "added" ? "admin.rules.added" : "admin.rules.removed") : null}</Notice>
      <p>{t("admin.rules.intro")}</p>
      <section aria-labelledby="rules-list">
        <h2 id="rules-list">{t("admin.rules.listHeading")}</h2>
        <AdminTable
          rows={rules}
          none={t("admin.rules.none")}
          caption={t("admin.rules.caption")}
          headings={[
            t("admin.rules.value"),
            t("admin.rules.kind"),
            t("admin.rules.action"),
            t("admin.rules.note"),
            t("admin.audit.who"),
            t("admin.abuse.action"),
          ]}
        >
          {(r) => (
            <tr key={r.id}>
              <th scope="row">
                <code dir="ltr">{r.value}</code>
              </th>
              <td>{t(KIND_LABEL[r.kind])}</td>
              <td>{t(ACTION_LABEL[r.action])}</td>
              <td dir="auto">{r.note}</td>
              <td>
                {r.created_by_name ?? "—"},{" "}
                <time dateTime={r.created_at}>{i18n.formatDate(r.created_at, { dateStyle: "medium" })}</time>
              </td>
              <td>
                <RowAction
                  action={`/admin/abuse/rules/${r.id}/delete`}
                  label={t("admin.rules.remove", { value: r.value })}
                />
              </td>
            </tr>
          )}
        </AdminTable>
      </section>
      <section aria-labelledby="rules-add">
        <h2 id="rules-add">{t("admin.rules.addHeading")}</h2>
        <ErrorSummary errors={errors} />
        <Form action="/admin/abuse/rules">
          <RadioFieldset
            field="kind"
            focusable
            name="kind"
            legend={t("admin.rules.kind")}
            error={error("kind")}
            idPrefix="kind"
            choices={(["email-domain", "network"] as const).map((kind) => ({
              value: kind,
              label: t(KIND_LABEL[kind]),
            }))}
            checked={form.kind}
            itemClass="radio"
          />
          <RadioFieldset
            field="action"
            focusable
            name="action"
            legend={t("admin.rules.action")}
            error={error("action")}
            idPrefix="action"
            choices={(["block", "allow"] as const).map((action) => ({ value: action, label: t(ACTION_LABEL[action]) }))}
            checked={form.action}
            itemClass="radio"
          />
          <Field name="value" label={t("admin.rules.value")} hint={t("admin.rules.valueHint")} error={error("value")}>
            {(a) => (
              <input
                {...a}
                type="text"
                dir="ltr"
                autocomplete="off"
                spellcheck={false}
                maxLength={260}
                value={form.value}
              />
            )}
          </Field>
          <Field name="note" label={t("admin.rules.note")} hint={t("admin.rules.noteHint")} error={error("note")}>
            {(a) => <input {...a} type="text" dir="auto" autocomplete="off" maxLength={NOTE_MAX} value={form.note} />}
          </Field>
          <button type="submit" class="button">
            {t("admin.rules.addButton")}
          </button>
        </Form>
      </section>
    </AdminFrame>
  );
}
