import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import type { ChallengeState } from "../challenge-switch.ts";

/**
 * Whether the petition's sign form carries the proof-of-work challenge, since when, why and
 * until when, with the switch.
 */
export function ChallengeSection({ campaignId, state }: { campaignId: number; state: ChallengeState }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const when = (iso: string) => i18n.formatDate(iso, { dateStyle: "medium", timeStyle: "short" });
  let status: string;
  if (state.on && state.reason === "burst" && state.since && state.until) {
    status = t("admin.challenge.onBurst", { since: when(state.since), until: when(state.until) });
  } else if (state.on && state.since) {
    status = t("admin.challenge.onCampaigner", { since: when(state.since) });
  } else if (state.reason === "campaigner" && state.until) {
    status = t("admin.challenge.heldOff", { until: when(state.until) });
  } else {
    status = t("admin.challenge.off");
  }
  return (
    <section aria-labelledby="abuse-challenge" class="challenge">
      <h2 id="abuse-challenge">{t("admin.challenge.heading")}</h2>
      <p>
        <strong>{status}</strong>
      </p>
      <p>{t("admin.challenge.intro")}</p>
      <Form action={`/admin/campaigns/${campaignId}/abuse/challenge`} class="inline-form">
        <input type="hidden" name="on" value={state.on ? "0" : "1"} />
        <button type="submit" class="button button--secondary">
          {t(state.on ? "admin.challenge.switchOff" : "admin.challenge.switchOn")}
        </button>
      </Form>
    </section>
  );
}
