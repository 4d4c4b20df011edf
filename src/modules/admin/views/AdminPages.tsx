import type { ComponentChildren } from "preact";
import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import type { CampaignStatus } from "../../campaigns/campaign-states.ts";
import { StatusBadge } from "../../campaigns/views/StatusBadge.tsx";
import { mayUse } from "../admin.policy.ts";
import { ADMIN_NAV } from "../admin-nav.ts";
import type { StaffViewer } from "../staff-area.ts";
import { CampaignLinks } from "./CampaignLinks.tsx";

/** The six digits from the authenticator app (or a recovery code). */
function CodeField({ hint, error }: { hint?: string; error?: string | undefined }) {
  const { i18n } = usePage();
  return (
    <Field name="code" label={i18n.t("admin.code.label")} hint={hint} error={error}>
      {(a) => (
        <input
          {...a}
          type="text"
          autocomplete="one-time-code"
          inputMode="numeric"
          dir="ltr"
          class="input--short"
          required
        />
      )}
    </Field>
  );
}

export function LoginPage({ errors, email }: { errors: FieldError[]; email: string }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page admin-login">
      <h1>{t("admin.login.heading")}</h1>
      <ErrorSummary errors={errors} />
      <Form action="/admin/login">
        <Field name="email" label={t("sign.email.label")}>
          {(a) => <input {...a} type="email" autocomplete="username" dir="ltr" value={email} required />}
        </Field>
        <Field name="password" label={t("admin.password.label")}>
          {(a) => <input {...a} type="password" autocomplete="current-password" required />}
        </Field>
        <CodeField hint={t("admin.code.hint")} />
        <button type="submit" class="button">
          {t("admin.login.submit")}
        </button>
      </Form>
    </div>
  );
}

export function SetupPage({
  email,
  secret,
  qrSvg,
  token,
  errors,
}: {
  email: string;
  secret: string;
  qrSvg: string;
  token: string;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page admin-setup">
      <h1>{t("admin.setup.heading")}</h1>
      <p class="lead">{t("admin.setup.text", { email })}</p>
      <ErrorSummary errors={errors} />
      <h2>{t("admin.setup.appHeading")}</h2>
      <p>{t("admin.setup.appText")}</p>
      {/* A QR code drawn by our own code from the secret; no user text in it. */}
      <div
        class="admin-setup__qr"
        role="img"
        aria-label={t("admin.setup.qrLabel")}
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p>
        {t("admin.setup.secret")} <code dir="ltr">{secret}</code>
      </p>
      <Form action="/admin/setup">
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label={t("admin.password.new")}
          hint={t("admin.password.hint")}
          error={errors.find((e) => e.field === "password")?.message}
        >
          {(a) => <input {...a} type="password" autocomplete="new-password" required />}
        </Field>
        <Field
          name="confirm"
          label={t("admin.password.confirm")}
          error={errors.find((e) => e.field === "confirm")?.message}
        >
          {(a) => <input {...a} type="password" autocomplete="new-password" required />}
        </Field>
        <CodeField error={errors.find((e) => e.field === "code")?.message} />
        <button type="submit" class="button">
          {t("admin.setup.submit")}
        </button>
      </Form>
    </div>
  );
}

export function RecoveryCodesPage({ codes }: { codes: string[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page">
      <h1>{t("admin.recovery.heading")}</h1>
      <p class="lead">{t("admin.recovery.text")}</p>
      <ul class="admin-recovery" dir="ltr">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href="/admin/login">
          {t("admin.login.heading")}
        </a>
      </p>
    </div>
  );
}

export interface DashboardCampaign {
  id: number;
  slug: string;
  title: string;
  status: CampaignStatus;
  total: number;
}

export function AdminBar({ staff }: { staff: StaffViewer }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <nav class="admin-bar" aria-label={t("admin.nav.label")}>
      <p>{t("admin.signedInAs", { name: staff.name })}</p>
      <ul>
        {ADMIN_NAV.filter((link) => mayUse(staff.role, link.area)).map((link) => (
          <li key={link.href}>
            <a href={link.href}>{t(link.label)}</a>
          </li>
        ))}
      </ul>
      <Form action="/admin/logout" class="admin-bar__form">
        <button type="submit" class="button button--secondary">
          {t("admin.logout")}
        </button>
      </Form>
      <Form action="/admin/logout-everywhere" class="admin-bar__form">
        <button type="submit" class="button button--secondary">
          {t("admin.logoutEverywhere")}
        </button>
      </Form>
    </nav>
  );
}

/** Every signed-in admin page: the bar, then the page's own content. */
export function AdminFrame({ staff, children }: { staff: StaffViewer; children: ComponentChildren }) {
  return (
    <div class="admin">
      <AdminBar staff={staff} />
      {children}
    </div>
  );
}

export function DashboardPage({ campaigns, staff }: { campaigns: DashboardCampaign[]; staff: StaffViewer }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.dashboard.heading")}</h1>
      <table class="admin-table">
        <caption>{t("admin.dashboard.campaigns")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.dashboard.campaign")}</th>
            <th scope="col">{t("admin.dashboard.status")}</th>
            <th scope="col">{t("petition.byCountry.signatures")}</th>
            <th scope="col">{t("admin.campaigns.links")}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {/* Those who may watch a petition go to its dashboard; the others to its page. */}
                <a href={mayUse(staff.role, "watch") ? `/admin/campaigns/${c.id}/dashboard` : `/campaigns/${c.slug}`}>
                  {c.title}
                </a>
              </th>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>{i18n.formatNumber(c.total)}</td>
              <td>
                {/* The editor and every other page of the campaign this member of staff may open. */}
                <CampaignLinks campaign={c} staff={staff} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminFrame>
  );
}

export interface AuditRow {
  id: number;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  at: string;
  staff_email: string | null;
}

export function AuditPage({ rows, action, staff }: { rows: AuditRow[]; action: string; staff: StaffViewer }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.audit.heading")}</h1>
      <form method="get" action="/admin/audit" class="admin-filter">
        <div class="field">
          <label for="filter-action">{t("admin.audit.filter")}</label>
          <input id="filter-action" name="action" type="text" value={action} dir="ltr" />
        </div>
        <button type="submit" class="button button--secondary">
          {t("admin.audit.apply")}
        </button>
      </form>
      <table class="admin-table">
        <caption>{t("admin.audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.when")}</th>
            <th scope="col">{t("admin.audit.who")}</th>
            <th scope="col">{t("admin.audit.what")}</th>
            <th scope="col">{t("admin.audit.change")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <time dateTime={r.at}>{i18n.formatDate(r.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
              </td>
              <td dir="ltr">{r.staff_email ?? "—"}</td>
              <td dir="ltr">
                {r.action} {r.entity}
                {r.entity_id ? ` #${r.entity_id}` : ""}
              </td>
              <td dir="ltr">
                <code>{[r.before, r.after].filter(Boolean).join(" → ")}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminFrame>
  );
}
