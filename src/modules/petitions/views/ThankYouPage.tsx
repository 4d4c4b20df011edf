import { usePage } from "../../../views/context.ts";
import { Field, Form } from "../../../views/Form.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import { ShareLinks } from "./ShareLinks.tsx";

export interface ThankYouPageProps {
  campaign: { slug: string; title: string; policy: "confirm" | "instant" };
  /** What happened just before: signed, confirmed by the link, or the email sent again. */
  moment: "signed" | "confirmed" | "resent";
  shareUrl: string;
  code: string | null;
}

export function ThankYouPage({ campaign, moment, shareUrl, code }: ThankYouPageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const waiting = campaign.policy === "confirm" && moment !== "confirmed";
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <div class="page thank-you">
      <h1>{t(moment === "confirmed" ? "thanks.confirmed.heading" : "thanks.heading")}</h1>
      <p class="lead">
        {moment === "confirmed"
          ? t("thanks.confirmed.text", { title: campaign.title })
          : t(waiting ? "thanks.checkEmail" : "thanks.counted", { title: campaign.title })}
      </p>
      {moment === "resent" ? (
        <p class="notice" role="status">
          {t("thanks.resent")}
        </p>
      ) : null}
      <ShareLinks url={shareUrl} text={t("share.text", { title: campaign.title })} title={campaign.title} />
      {waiting ? (
        <section class="resend" aria-labelledby="resend-heading">
          <h2 id="resend-heading">{t("thanks.resend.heading")}</h2>
          <p>{t("thanks.resend.text")}</p>
          <Form action={at(`/campaigns/${campaign.slug}/confirmation-email`)}>
            {code ? <input type="hidden" name="code" value={code} /> : null}
            <Field name="email" label={t("sign.email.label")}>
              {(a) => <input {...a} type="email" autocomplete="email" dir="ltr" maxLength={254} required />}
            </Field>
            <button type="submit" class="button button--secondary">
              {t("thanks.resend.button")}
            </button>
          </Form>
        </section>
      ) : null}
      <section class="next-actions" aria-labelledby="next-heading">
        <h2 id="next-heading">{t("thanks.next.heading")}</h2>
        <ul>
          <li>
            <a href={at("/join")}>{t("thanks.next.join")}</a>
          </li>
          <li>
            <a href={at("/campaigns")}>{t("thanks.next.campaigns")}</a>
          </li>
          <li>
            <a href={at("/take-action")}>{t("thanks.next.local")}</a>
          </li>
        </ul>
      </section>
    </div>
  );
}
