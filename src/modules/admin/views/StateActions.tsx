import { usePage } from "../../../views/context.ts";
import { Field, type FieldError, Form } from "../../../views/Form.tsx";
import { CAMPAIGN_LIMITS } from "../../campaigns/campaign-input.ts";
import { editorialState, TRANSITIONS, type Transition } from "../../campaigns/campaign-states.ts";
import type { EditorCampaign } from "../../campaigns/editor.repo.ts";
import type { TransitionForm } from "../../campaigns/editor.service.ts";
import type { MessageKey } from "../../i18n/i18n.ts";

const BUTTONS: Record<Transition, MessageKey> = {
  publish: "admin.state.publish",
  schedule: "admin.state.schedule",
  unschedule: "admin.state.unschedule",
  close: "admin.state.close",
  "declare-victory": "admin.state.victory",
  "mark-delivered": "admin.state.deliver",
};

const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

/** One form per move the campaign's state allows, each with what that move needs. */
export function StateActions({
  campaign,
  errors,
  form,
}: {
  campaign: EditorCampaign;
  errors: FieldError[];
  form: TransitionForm | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const state = editorialState(campaign);
  const when = (iso: string) => i18n.formatDate(iso, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <section class="state-actions" aria-labelledby="state-heading">
      <h2 id="state-heading">{t("admin.state.heading")}</h2>
      {state === "scheduled" && campaign.publish_at ? (
        <p>{t("admin.campaign.opensAt", { date: when(campaign.publish_at) })}</p>
      ) : null}
      {state === "draft" ? <p>{t("admin.state.draftText")}</p> : null}
      {campaign.status === "delivered" && campaign.delivered_on ? (
        <p>
          {t("admin.state.deliveredOn", {
            date: i18n.formatDate(campaign.delivered_on, { dateStyle: "long", timeZone: "UTC" }),
          })}
        </p>
      ) : null}
      {TRANSITIONS[state].map((transition) => (
        <Form key={transition} action={`/admin/campaigns/${campaign.id}/status`} class="state-actions__form">
          <input type="hidden" name="transition" value={transition} />
          {transition === "schedule" ? (
            <Field
              name="publishAt"
              label={t("admin.state.publishAt")}
              hint={t("admin.state.publishAtHint")}
              error={errorFor(errors, "publishAt")}
            >
              {(a) => <input {...a} type="datetime-local" value={form?.publishAt ?? ""} required />}
            </Field>
          ) : null}
          {transition === "declare-victory" ? (
            <Field
              name="outcome"
              label={t("admin.state.outcome")}
              hint={t("admin.state.outcomeHint")}
              error={errorFor(errors, "outcome")}
            >
              {(a) => (
                <textarea
                  {...a}
                  rows={3}
                  maxLength={CAMPAIGN_LIMITS.outcome}
                  dir="auto"
                  lang={campaign.locale}
                  required
                >
                  {form?.outcome ?? campaign.outcome ?? ""}
                </textarea>
              )}
            </Field>
          ) : null}
          {transition === "mark-delivered" ? (
            <>
              <Field
                name="deliveredOn"
                label={t("admin.state.deliveredOnLabel")}
                error={errorFor(errors, "deliveredOn")}
              >
                {(a) => <input {...a} type="date" value={form?.deliveredOn ?? ""} class="input--short" required />}
              </Field>
              <Field
                name="note"
                label={t("admin.state.note")}
                hint={t("admin.state.noteHint")}
                error={errorFor(errors, "note")}
              >
                {(a) => (
                  <textarea {...a} rows={3} maxLength={CAMPAIGN_LIMITS.note} dir="auto" lang={campaign.locale}>
                    {form?.note ?? ""}
                  </textarea>
                )}
              </Field>
            </>
          ) : null}
          <button type="submit" class={transition === "publish" ? "button" : "button button--secondary"}>
            {t(BUTTONS[transition])}
          </button>
        </Form>
      ))}
    </section>
  );
}
