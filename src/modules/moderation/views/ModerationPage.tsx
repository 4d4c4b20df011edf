import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import type { MessageKey } from "../../i18n/i18n.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { DecisionInput, QueueView, RecentDecision } from "../moderation.service.ts";
import { isRejectReason, NOTE_MAX_LENGTH, REJECT_REASONS, type Submission } from "../moderation-kinds.ts";

/** What the page says after a decision, at the top (as ?done=…). */
export const NOTICES = {
  approved: "moderation.done.approved",
  rejected: "moderation.done.rejected",
  undone: "moderation.done.undone",
  stale: "moderation.done.stale",
} as const satisfies Record<string, MessageKey>;

export type Notice = keyof typeof NOTICES;

/** A rejection that came back with problems: which item, what was typed, what is wrong. */
export interface FailedDecision {
  itemId: number;
  input: DecisionInput;
  errors: FieldError[];
}

export function ModerationPage({
  staff,
  view,
  notice,
  failed,
}: {
  staff: StaffViewer;
  view: QueueView;
  notice: Notice | null;
  failed: FailedDecision | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("moderation.heading")}</h1>
      {notice ? (
        <p class="notice" role="status">
          {t(NOTICES[notice])}
        </p>
      ) : null}
      <ErrorSummary errors={failed?.errors ?? []} />
      <nav aria-labelledby="moderation-kinds">
        <h2 id="moderation-kinds">{t("moderation.kinds.label")}</h2>
        <ul class="moderation-kinds">
          {view.kinds.map((k) => (
            <li key={k.name}>
              <a
                href={`${localisedPath(i18n.locale, "/admin/moderation")}?kind=${encodeURIComponent(k.name)}`}
                aria-current={k.name === view.current.name ? "page" : undefined}
              >
                {t(k.label)}
              </a>{" "}
              ({t("moderation.count", { count: k.waiting })})
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="moderation-queue">
        <h2 id="moderation-queue">{t("moderation.queueHeading", { kind: t(view.current.label) })}</h2>
        {view.items.length === 0 ? (
          <p>{t("moderation.empty")}</p>
        ) : (
          <ol class="moderation-queue">
            {view.items.map((item) => (
              <li key={item.itemId}>
                <QueueItem item={item} failed={failed?.itemId === item.itemId ? failed : null} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <RecentDecisions recent={view.recent} />
    </AdminFrame>
  );
}

function QueueItem({ item, failed }: { item: Submission; failed: FailedDecision | null }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const heading = `item-${item.itemId}-heading`;
  const reasonId = `field-reason-${item.itemId}`;
  const noteId = `field-note-${item.itemId}`;
  const reasonError = failed?.errors.find((e) => e.field === `reason-${item.itemId}`)?.message;
  const noteError = failed?.errors.find((e) => e.field === `note-${item.itemId}`)?.message;
  const chosen = failed?.input.reason ?? "";
  return (
    <article class="moderation-item" aria-labelledby={heading}>
      <h3 id={heading}>
        {t("moderation.itemHeading", {
          name: item.author,
          country: item.country ? i18n.countryName(item.country) : "—",
        })}
      </h3>
      {item.title ? (
        <p class="moderation-item__title" dir="auto">
          {item.title}
        </p>
      ) : null}
      <blockquote class="moderation-item__text" dir="auto">
        {item.text}
      </blockquote>
      <dl class="moderation-item__facts">
        {item.about ? (
          <>
            <dt>{t("moderation.about")}</dt>
            <dd>
              <a href={item.about.href}>{item.about.label}</a>
            </dd>
          </>
        ) : null}
        <dt>{t("moderation.sent")}</dt>
        <dd>
          <time dateTime={item.submittedAt}>
            {i18n.formatDate(item.submittedAt, { dateStyle: "medium", timeStyle: "short" })}
          </time>
        </dd>
        <dt>{t("moderation.language")}</dt>
        <dd>{i18n.languageName(item.locale)}</dd>
      </dl>
      <div class="moderation-item__actions">
        <Form action={localisedPath(i18n.locale, `/admin/moderation/${item.itemId}/approve`)}>
          <button type="submit" class="button" aria-describedby={heading}>
            {t("moderation.approve")}
          </button>
        </Form>
        <Form
          action={localisedPath(i18n.locale, `/admin/moderation/${item.itemId}/reject`)}
          class="moderation-item__reject"
        >
          <fieldset>
            <legend>{t("moderation.rejectLegend")}</legend>
            <div class={reasonError ? "field field--error" : "field"}>
              <label for={reasonId}>{t("moderation.reason.label")}</label>
              {reasonError ? (
                <p class="field__error" id={`${reasonId}-error`}>
                  {t("form.errorPrefix", { message: reasonError })}
                </p>
              ) : null}
              <select
                id={reasonId}
                name="reason"
                {...(reasonError ? { "aria-invalid": "true", "aria-describedby": `${reasonId}-error` } : {})}
              >
                <option value="">{t("moderation.reason.choose")}</option>
                {Object.entries(REJECT_REASONS).map(([code, key]) => (
                  <option key={code} value={code} selected={isRejectReason(chosen) && chosen === code}>
                    {t(key)}
                  </option>
                ))}
              </select>
            </div>
            <div class={noteError ? "field field--error" : "field"}>
              <label for={noteId}>{t("moderation.note.label")}</label>
              <p class="field__hint" id={`${noteId}-hint`}>
                {t("moderation.note.hint")}
              </p>
              {noteError ? (
                <p class="field__error" id={`${noteId}-error`}>
                  {t("form.errorPrefix", { message: noteError })}
                </p>
              ) : null}
              <textarea
                id={noteId}
                name="note"
                rows={2}
                maxLength={NOTE_MAX_LENGTH}
                dir="auto"
                aria-describedby={noteError ? `${noteId}-hint ${noteId}-error` : `${noteId}-hint`}
                {...(noteError ? { "aria-invalid": "true" } : {})}
              >
                {failed?.input.note ?? ""}
              </textarea>
            </div>
            <button type="submit" class="button button--secondary" aria-describedby={heading}>
              {t("moderation.reject")}
            </button>
          </fieldset>
        </Form>
      </div>
    </article>
  );
}

function RecentDecisions({ recent }: { recent: RecentDecision[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <section aria-labelledby="moderation-recent">
      <h2 id="moderation-recent">{t("moderation.recent.caption")}</h2>
      {recent.length === 0 ? (
        <p>{t("moderation.recent.none")}</p>
      ) : (
        <table class="admin-table" aria-labelledby="moderation-recent">
          <thead>
            <tr>
              <th scope="col">{t("moderation.recent.what")}</th>
              <th scope="col">{t("moderation.recent.decision")}</th>
              <th scope="col">{t("moderation.recent.who")}</th>
              <th scope="col">{t("moderation.recent.when")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("moderation.undo")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {recent.map(({ item, decidedBy, submission }) => {
              const rowHeading = `decision-${item.id}`;
              return (
                <tr key={item.id}>
                  <td id={rowHeading}>
                    {submission ? (
                      <>
                        <bdi>{submission.author}</bdi>:{" "}
                        <q dir="auto" class="moderation-recent__text">
                          {submission.text}
                        </q>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    {item.status === "approved"
                      ? t("moderation.status.approved")
                      : t("moderation.status.rejected", {
                          reason: isRejectReason(item.reason) ? t(REJECT_REASONS[item.reason]) : "—",
                        })}
                  </td>
                  <td>
                    <bdi>{decidedBy ?? "—"}</bdi>
                  </td>
                  <td>
                    {item.decided_at ? (
                      <time dateTime={item.decided_at}>
                        {i18n.formatDate(item.decided_at, { dateStyle: "medium", timeStyle: "short" })}
                      </time>
                    ) : null}
                  </td>
                  <td>
                    <Form
                      action={localisedPath(i18n.locale, `/admin/moderation/${item.id}/undo`)}
                      class="admin-bar__form"
                    >
                      <button type="submit" class="button button--secondary" aria-describedby={rowHeading}>
                        {t("moderation.undo")}
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
