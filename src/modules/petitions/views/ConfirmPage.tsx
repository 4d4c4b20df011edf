import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import type { MessageKey } from "../../i18n/i18n.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { ConfirmationView } from "../confirm.service.ts";

const FAILURE_TEXT = {
  valid: "confirm.unknown.text",
  used: "confirm.used.text",
  expired: "confirm.expired.text",
  unknown: "confirm.unknown.text",
  closed: "confirm.closed.text",
} as const satisfies Record<ConfirmationView["state"], MessageKey>;

/**
 * Where the link in the email leads. Opening it changes nothing (mail scanners open links);
 * only the button confirms.
 */
export function ConfirmPage({ view, token }: { view: ConfirmationView; token: string }) {
  const { i18n } = usePage();
  const t = i18n.t;
  if (view.state === "valid" && view.campaign) {
    return (
      <div class="page confirm">
        <h1>{t("confirm.heading")}</h1>
        <p class="lead">{t("confirm.text", { title: view.campaign.title })}</p>
        <Form action={localisedPath(i18n.locale, "/signatures/confirm")}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="button button--large">
            {t("confirm.button")}
          </button>
        </Form>
      </div>
    );
  }
  const campaignHref = view.campaign ? localisedPath(i18n.locale, `/campaigns/${view.campaign.slug}`) : null;
  return (
    <div class="page confirm">
      <h1>{t(view.state === "used" ? "confirm.used.heading" : "confirm.invalid.heading")}</h1>
      <p>{t(FAILURE_TEXT[view.state])}</p>
      {campaignHref ? (
        <p>
          <a href={campaignHref}>{t("confirm.backToCampaign")}</a>
        </p>
      ) : null}
    </div>
  );
}
