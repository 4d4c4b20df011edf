import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { STAFF_ROLES } from "../staff.service.ts";
import type { StaffMember, StaffState } from "../staff-admin.service.ts";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";

const ROLE_LABEL = {
  admin: "admin.staff.role.admin",
  campaigner: "admin.staff.role.campaigner",
  moderator: "admin.staff.role.moderator",
} as const;

const STATE_LABEL: Record<
  StaffState,
  "admin.staff.state.invited" | "admin.staff.state.active" | "admin.staff.state.locked" | "admin.staff.state.disabled"
> = {
  invited: "admin.staff.state.invited",
  active: "admin.staff.state.active",
  locked: "admin.staff.state.locked",
  disabled: "admin.staff.state.disabled",
};

function RoleSelect({ value, error }: { value: string; error?: string | undefined }) {
  const t = usePage().i18n.t;
  return (
    <Field name="role" label={t("admin.staff.role")} hint={t("admin.staff.roleHint")} error={error}>
      {(a) => (
        <select {...a}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role} selected={role === value}>
              {t(ROLE_LABEL[role])}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface InviteValues {
  name: string;
  email: string;
  role: string;
}

export function StaffListPage({
  staff,
  members,
  values,
  errors,
}: {
  staff: StaffViewer;
  members: StaffMember[];
  values: InviteValues;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.staff.heading")}</h1>
      <ErrorSummary errors={errors} />
      <table class="admin-table">
        <caption>{t("admin.staff.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.staff.name")}</th>
            <th scope="col">{t("sign.email.label")}</th>
            <th scope="col">{t("admin.staff.role")}</th>
            <th scope="col">{t("admin.staff.state")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <a href={`/admin/staff/${m.id}`}>
                  <bdi>{m.name}</bdi>
                </a>
              </th>
              <td>
                <bdi dir="ltr">{m.email}</bdi>
              </td>
              <td>{t(ROLE_LABEL[m.role])}</td>
              <td>{t(STATE_LABEL[m.state])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("admin.staff.invite.heading")}</h2>
      <Form action="/admin/staff/invite">
        <Field name="name" label={t("admin.staff.name")} error={error("name")}>
          {(a) => <input {...a} type="text" autocomplete="off" dir="auto" value={values.name} maxLength={100} />}
        </Field>
        <Field name="email" label={t("sign.email.label")} error={error("email")}>
          {(a) => <input {...a} type="email" autocomplete="off" dir="ltr" value={values.email} />}
        </Field>
        <RoleSelect value={values.role} error={error("role")} />
        <button type="submit" class="button">
          {t("admin.staff.invite.submit")}
        </button>
      </Form>
    </AdminFrame>
  );
}

/** The one time a setup link is shown: to pass on to the person it is for. */
export function SetupLinkPage({ staff, name, link }: { staff: StaffViewer; name: string; link: string }) {
  const t = usePage().i18n.t;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.staff.link.heading")}</h1>
      <p role="status">{t("admin.staff.link.text", { name })}</p>
      <div class="field">
        <label for="setup-link">{t("admin.staff.link.label")}</label>
        <input id="setup-link" type="text" readOnly value={link} dir="ltr" />
      </div>
      <p>
        <a href="/admin/staff">{t("admin.staff.back")}</a>
      </p>
    </AdminFrame>
  );
}

export function StaffMemberPage({
  staff,
  member,
  errors,
  saved,
}: {
  staff: StaffViewer;
  member: StaffMember;
  errors: FieldError[];
  saved: boolean;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const base = `/admin/staff/${member.id}`;
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href="/admin/staff">{t("admin.staff.back")}</a>
      </p>
      {/* The error summary's link for a refused change lands here. */}
      <h1 id="field-account" tabindex={-1}>
        <bdi>{member.name}</bdi>
      </h1>
      <ErrorSummary errors={errors} />
      {saved ? <p role="status">{t("admin.staff.saved")}</p> : null}
      <p>
        <bdi dir="ltr">{member.email}</bdi> · {t(STATE_LABEL[member.state])}
      </p>
      <p>{t("admin.staff.since", { date: i18n.formatDate(member.created_at, { dateStyle: "medium" }) })}</p>
      <Form action={`${base}/role`}>
        <RoleSelect value={member.role} error={errors.find((e) => e.field === "role")?.message} />
        <button type="submit" class="button">
          {t("admin.staff.saveRole")}
        </button>
      </Form>
      {member.state === "disabled" ? (
        <Form action={`${base}/enable`}>
          <button type="submit" class="button button--secondary">
            {t("admin.staff.enable")}
          </button>
        </Form>
      ) : (
        <Form action={`${base}/disable`}>
          <p>{t("admin.staff.disableHint")}</p>
          <button type="submit" class="button button--secondary">
            {t("admin.staff.disable")}
          </button>
        </Form>
      )}
      <h2>{t("admin.staff.reset.heading")}</h2>
      <Form action={`${base}/reset`}>
        <p>{t("admin.staff.reset.text")}</p>
        <button type="submit" class="button button--secondary">
          {t("admin.staff.reset.submit")}
        </button>
      </Form>
    </AdminFrame>
  );
}
