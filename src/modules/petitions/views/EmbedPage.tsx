import { usePage } from "../../../views/context.ts";
import type { FieldError } from "../../../views/Form.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { SignatureForm } from "../signature-input.ts";
import { ShareLinks } from "./ShareLinks.tsx";
import { SignatureCount } from "./SignatureCount.tsx";
import { SignForm } from "./SignForm.tsx";

export interface EmbedPageProps {
  campaign: { slug: string; title: string; open: boolean; paused: boolean; postcodeRequired: boolean };
  total: number;
  goal: number;
  form: {
    values: SignatureForm;
    errors: FieldError[];
    source: Record<string, string>;
    token: string;
    challenge?: string | null;
  };
}

/** The petition as it sits in an iframe on a partner's site: title, count and a compact form. */
export function EmbedPage({ campaign, total, goal, form }: EmbedPageProps) {
  const { i18n } = usePage();
  const at = (path: string) => localisedPath(i18n.locale, path);
  const open = campaign.open;
  return (
    <div class="embed-petition">
      <h1 class="embed-petition__title">
        <a href={at(`/campaigns/${campaign.slug}`)} target="_blank" rel="noopener">
          {campaign.title}
        </a>
      </h1>
      <SignatureCount slug={campaign.slug} total={total} goal={goal} live={open} />
      {open && campaign.paused ? (
        <p class="campaign__closed campaign__paused">{i18n.t("petition.paused.notice")}</p>
      ) : open ? (
        <SignForm
          slug={campaign.slug}
          values={form.values}
          errors={form.errors}
          postcodeRequired={campaign.postcodeRequired}
          source={form.source}
          challenge={form.challenge ?? null}
          embed={{ action: at(`/embed/petitions/${campaign.slug}/signatures`), token: form.token }}
        />
      ) : (
        <p class="campaign__closed">{i18n.t("campaign.closedNotice.closed")}</p>
      )}
    </div>
  );
}

export function EmbedThanks({ campaign, shareUrl }: { campaign: { title: string; policy: string }; shareUrl: string }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="embed-petition">
      <h1>{t("thanks.heading")}</h1>
      <p>{t(campaign.policy === "confirm" ? "thanks.checkEmail" : "thanks.counted", { title: campaign.title })}</p>
      <ShareLinks url={shareUrl} text={t("share.text", { title: campaign.title })} title={campaign.title} />
    </div>
  );
}
