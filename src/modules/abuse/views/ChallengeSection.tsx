import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import { Notice } from "../../admin/views/AdminParts.tsx";
import type { ChallengeState } from "../challenge-switch.ts";

/** What a campaigner's last use of the switch did, from the `done` of the address it came back to. */
export type ChallengeDone = "on" | "off" | null;

export function challengeDoneOf(done: string | null): ChallengeDone {
  return done === "challenge-on" ? "on" : done === "challenge-off" ? "off" : null;
}

/**
 * Whether the petition's sign form carries the proof-of-work challenge, since when, why and
 * until when, with the switch (and, just after using it, what it did).
 */
export function ChallengeSection({
  campaignId,
  state,
  done = null,
}: {
  campaignId: number;
  state: ChallengeState;
  done?: ChallengeDone;
}) {
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
      <Notice>
        {done === "on" ? t("admin.challenge.switchedOn") : done === "off" ? t("admin.challenge.switchedOff") : null}
      </Notice>
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
