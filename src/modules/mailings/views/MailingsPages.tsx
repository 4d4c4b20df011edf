import type { MailingState } from "../../../db/tables.ts";
import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { AdminTable, Notice } from "../../admin/views/AdminParts.tsx";
import { renderMarkdown } from "../../content/markdown.ts";
import type { MessageKey } from "../../i18n/i18n.ts";
import { asLocale, localeInfo, localisedPath } from "../../i18n/locales.ts";
import type { Mailing, MailingProgress } from "../mailings.repo.ts";
import type { MailingForm } from "../mailings.service.ts";
import { type AudienceChoices, MailingFormFields } from "./MailingForm.tsx";

const STATE_LABEL: Record<MailingState, MessageKey> = {
  draft: "admin.mailings.state.draft",
  scheduled: "admin.mailings.state.scheduled",
  sending: "admin.mailings.state.sending",
  paused: "admin.mailings.state.paused",
  sent: "admin.mailings.state.sent",
};

const NOTICE: Record<string, MessageKey> = {
  saved: "admin.mailings.done.saved",
  tested: "admin.mailings.done.tested",
  sending: "admin.mailings.done.sending",
  scheduled: "admin.mailings.done.scheduled",
  unscheduled: "admin.mailings.done.unscheduled",
  paused: "admin.mailings.done.paused",
  resumed: "admin.mailings.done.resumed",
  stale: "admin.mailings.done.stale",
};

function DoneNotice({ done }: { done: string | null }) {
  const { i18n } = usePage();
  const key = done ? NOTICE[done] : undefined;
  return <Notice>{key ? i18n.t(key) : null}</Notice>;
}

export function MailingListPage({
  staff,
  mailings,
}: {
  staff: StaffViewer;
  mailings: (Mailing & { progress: MailingProgress })[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = (p: string) => localisedPath(i18n.locale, p);
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.mailings.heading")}</h1>
      <p class="lead">{t("admin.mailings.intro")}</p>
      <p>
        <a class="button" href={path("/admin/mailings/new")}>
          {t("admin.mailings.new")}
        </a>{" "}
        <a href={path("/admin/mailings/suppressions")}>{t("admin.mailings.suppressions.link")}</a>
      </p>
      <AdminTable
        rows={mailings}
        none={t("admin.mailings.none")}
        caption={t("admin.mailings.listCaption")}
        headings={[
          t("admin.mailings.subject"),
          t("admin.mailings.stateLabel"),
          t("admin.mailings.sent"),
          t("admin.mailings.updated"),
        ]}
      >
        {(m) => (
          <tr key={m.id}>
            <td dir="auto">
              <a href={path(`/admin/mailings/${m.id}`)}>{m.subject}</a>
            </td>
            <td>{t(STATE_LABEL[m.state])}</td>
            <td>
              {m.state === "draft"
                ? "—"
                : t("admin.mailings.sentOf", {
                    sent: i18n.formatNumber(m.progress.sent),
                    total: i18n.formatNumber(m.progress.total),
                  })}
            </td>
            <td>
              <time dateTime={m.updated_at}>
                {i18n.formatDate(m.updated_at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </td>
          </tr>
        )}
      </AdminTable>
    </AdminFrame>
  );
}

export function NewMailingPage({
  staff,
  form,
  errors,
  choices,
}: {
  staff: StaffViewer;
  form: MailingForm;
  errors: FieldError[];
  choices: AudienceChoices;
}) {
  const { i18n } = usePage();
  return (
    <AdminFrame staff={staff}>
      <h1>{i18n.t("admin.mailings.new")}</h1>
      <ErrorSummary errors={errors} />
      <MailingFormFields action="/admin/mailings" form={form} errors={errors} choices={choices} />
    </AdminFrame>
  );
}

/** Sent / failed / skipped / waiting as a progress bar with its words, and a link that refreshes. */
function Progress({ mailing, progress }: { mailing: Mailing; progress: MailingProgress }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const done = progress.sent + progress.failed + progress.skipped;
  const n = (v: number) => i18n.formatNumber(v);
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t("admin.mailings.progress")}</h2>
      <p>
        <label for="mailing-progress">
          {t("admin.mailings.progressLabel", { done: n(done), total: n(progress.total) })}
        </label>
        <br />
        <progress id="mailing-progress" max={Math.max(progress.total, 1)} value={done}>
          {t("admin.mailings.progressLabel", { done: n(done), total: n(progress.total) })}
        </progress>
      </p>
      <ul class="mailing-figures">
        <li>{t("admin.mailings.figure.sent", { count: progress.sent })}</li>
        <li>{t("admin.mailings.figure.failed", { count: progress.failed })}</li>
        <li>{t("admin.mailings.figure.skipped", { count: progress.skipped })}</li>
        <li>{t("admin.mailings.figure.waiting", { count: progress.waiting })}</li>
      </ul>
      <p>
        <a href={localisedPath(i18n.locale, `/admin/mailings/${mailing.id}`)}>{t("admin.mailings.refresh")}</a>
      </p>
    </section>
  );
}

/** What can be done with a draft: preview, a test to oneself, and sending now or later. */
function DraftActions({ mailing, sendAt, sendErrors }: { mailing: Mailing; sendAt: string; sendErrors: FieldError[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = (p: string) => localisedPath(i18n.locale, p);
  return (
    <>
      <section aria-labelledby="check-heading">
        <h2 id="check-heading">{t("admin.mailings.check")}</h2>
        <p>
          <a href={path(`/admin/mailings/${mailing.id}/preview`)}>{t("admin.mailings.preview")}</a>
        </p>
        <Form action={path(`/admin/mailings/${mailing.id}/test`)}>
          <button type="submit" class="button button--secondary">
            {t("admin.mailings.test")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="send-heading">
        <h2 id="send-heading">{t("admin.mailings.send")}</h2>
        <Form action={path(`/admin/mailings/${mailing.id}/send`)}>
          <input type="hidden" name="when" value="now" />
          <button type="submit" class="button">
            {t("admin.mailings.sendNow")}
          </button>
        </Form>
        <ErrorSummary errors={sendErrors} />
        <Form action={path(`/admin/mailings/${mailing.id}/send`)}>
          <input type="hidden" name="when" value="later" />
          <Field
            name="sendAt"
            label={t("admin.mailings.sendAt")}
            hint={t("admin.mailings.sendAtHint")}
            error={sendErrors.find((e) => e.field === "sendAt")?.message}
          >
            {(attrs) => <input {...attrs} type="datetime-local" value={sendAt} />}
          </Field>
          <button type="submit" class="button button--secondary">
            {t("admin.mailings.schedule")}
          </button>
        </Form>
      </section>
    </>
  );
}

export interface MailingPageProps {
  staff: StaffViewer;
  mailing: Mailing;
  form: MailingForm;
  errors: FieldError[];
  sendErrors: FieldError[];
  sendAt: string;
  choices: AudienceChoices;
  reach: number;
  progress: MailingProgress;
  done: string | null;
}

/** One mailing: while a draft, its form, reach and the ways to check and send it; then its progress. */
export function MailingPage(p: MailingPageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = (x: string) => localisedPath(i18n.locale, x);
  const { mailing } = p;
  return (
    <AdminFrame staff={p.staff}>
      <p>
        <a href={path("/admin/mailings")}>{t("admin.mailings.back")}</a>
      </p>
      <h1 dir="auto">{mailing.subject}</h1>
      <DoneNotice done={p.done} />
      <p>
        {t("admin.mailings.stateIs", { state: t(STATE_LABEL[mailing.state]) })}
        {mailing.state === "scheduled" && mailing.send_at
          ? ` ${t("admin.mailings.scheduledFor", {
              when: i18n.formatDate(mailing.send_at, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
            })}`
          : ""}
      </p>
      {mailing.state === "draft" ? (
        <>
          <p class="mailing-reach" role="status">
            {t("admin.mailings.reach", { count: p.reach })}
          </p>
          <ErrorSummary errors={p.errors} />
          <MailingFormFields
            action={`/admin/mailings/${mailing.id}`}
            form={p.form}
            errors={p.errors}
            choices={p.choices}
          />
          <DraftActions mailing={mailing} sendAt={p.sendAt} sendErrors={p.sendErrors} />
        </>
      ) : (
        <>
          <StateAction mailing={mailing} />
          {mailing.state === "scheduled" ? null : <Progress mailing={mailing} progress={p.progress} />}
          <p>
            <a href={path(`/admin/mailings/${mailing.id}/preview`)}>{t("admin.mailings.preview")}</a>
          </p>
        </>
      )}
    </AdminFrame>
  );
}

/** The one move a mailing under way allows, by its state: unschedule, pause or resume. */
const STATE_ACTION: Partial<Record<MailingState, { move: string; label: MessageKey; primary: boolean }>> = {
  scheduled: { move: "unschedule", label: "admin.mailings.unschedule", primary: false },
  sending: { move: "pause", label: "admin.mailings.pause", primary: false },
  paused: { move: "resume", label: "admin.mailings.resume", primary: true },
};

function StateAction({ mailing }: { mailing: Mailing }) {
  const { i18n } = usePage();
  const action = STATE_ACTION[mailing.state];
  if (!action) return null;
  const { move, label, primary } = action;
  return (
    <Form action={localisedPath(i18n.locale, `/admin/mailings/${mailing.id}/${move}`)}>
      <button type="submit" class={primary ? "button" : "button button--secondary"}>
        {i18n.t(label)}
      </button>
    </Form>
  );
}

/** The mailing as a recipient reads it: the HTML part in its language and direction, then the text part. */
export function MailingPreviewPage({
  staff,
  mailing,
  text,
  footnotes,
}: {
  staff: StaffViewer;
  mailing: Mailing;
  text: string;
  /** The small print under the message, in the mailing's language. */
  footnotes: string[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = (x: string) => localisedPath(i18n.locale, x);
  const locale = asLocale(mailing.locale);
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={path(`/admin/mailings/${mailing.id}`)}>{t("admin.mailings.backToMailing")}</a>
      </p>
      <h1>{t("admin.mailings.previewHeading")}</h1>
      <p>{t("admin.mailings.previewIntro")}</p>
      <h2>{t("admin.mailings.previewHtml")}</h2>
      <p>
        <a href={path(`/admin/mailings/${mailing.id}/preview.html`)}>{t("admin.mailings.previewOpen")}</a>
      </p>
      <article class="mailing-preview" lang={locale} dir={localeInfo(locale).dir}>
        <p>
          <strong>{mailing.subject}</strong>
        </p>
        <Markdown html={renderMarkdown(mailing.body_md)} />
        {footnotes.map((f) => (
          <p key={f} class="mailing-preview__footnote">
            {f}
          </p>
        ))}
      </article>
      <h2>{t("admin.mailings.previewText")}</h2>
      <pre class="mailing-preview" lang={locale} dir={localeInfo(locale).dir}>
        {text}
      </pre>
    </AdminFrame>
  );
}

export function SuppressionsPage({
  staff,
  counts,
  errors,
  done,
}: {
  staff: StaffViewer;
  counts: Record<"bounce" | "complaint" | "manual", number>;
  errors: FieldError[];
  done: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = (x: string) => localisedPath(i18n.locale, x);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const notices: Record<string, MessageKey> = {
    added: "admin.mailings.suppressions.added",
    already: "admin.mailings.suppressions.already",
    removed: "admin.mailings.suppressions.removed",
    absent: "admin.mailings.suppressions.absent",
  };
  const notice = done ? notices[done] : undefined;
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={path("/admin/mailings")}>{t("admin.mailings.back")}</a>
      </p>
      <h1>{t("admin.mailings.suppressions.heading")}</h1>
      <Notice>{notice ? t(notice) : null}</Notice>
      <p class="lead">{t("admin.mailings.suppressions.intro")}</p>
      <ul>
        <li>{t("admin.mailings.suppressions.bounces", { count: counts.bounce })}</li>
        <li>{t("admin.mailings.suppressions.complaints", { count: counts.complaint })}</li>
        <li>{t("admin.mailings.suppressions.manual", { count: counts.manual })}</li>
      </ul>
      <ErrorSummary errors={errors} />
      <h2>{t("admin.mailings.suppressions.add")}</h2>
      <Form action={path("/admin/mailings/suppressions")}>
        <Field name="email" label={t("admin.mailings.suppressions.email")} error={error("email")}>
          {(attrs) => <input {...attrs} type="email" dir="ltr" autocomplete="off" maxLength={254} />}
        </Field>
        <Field name="reason" label={t("admin.mailings.suppressions.reason")} error={error("reason")}>
          {(attrs) => (
            <select {...attrs}>
              <option value="bounce">{t("admin.mailings.suppressions.reason.bounce")}</option>
              <option value="complaint">{t("admin.mailings.suppressions.reason.complaint")}</option>
              <option value="manual">{t("admin.mailings.suppressions.reason.manual")}</option>
            </select>
          )}
        </Field>
        <button type="submit" class="button">
          {t("admin.mailings.suppressions.addButton")}
        </button>
      </Form>
      <h2>{t("admin.mailings.suppressions.remove")}</h2>
      <Form action={path("/admin/mailings/suppressions/remove")}>
        <Field name="removeEmail" label={t("admin.mailings.suppressions.email")} error={error("removeEmail")}>
          {(attrs) => <input {...attrs} type="email" dir="ltr" autocomplete="off" maxLength={254} />}
        </Field>
        <button type="submit" class="button button--secondary">
          {t("admin.mailings.suppressions.removeButton")}
        </button>
      </Form>
    </AdminFrame>
  );
}
