import { usePage } from "../../../views/context.ts";
import { Markdown } from "../../../views/Markdown.tsx";
import type { CampaignPageView } from "../campaigns.service.ts";
import { StatusBadge } from "./StatusBadge.tsx";

export function CampaignPage({ campaign }: { campaign: CampaignPageView }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <article class="page campaign" lang={campaign.locale === i18n.locale ? undefined : campaign.locale}>
      <header class="campaign__header">
        <StatusBadge status={campaign.status} />
        <h1>{campaign.title}</h1>
        <p class="lead">{campaign.summary}</p>
      </header>
      <section class="campaign__demand" aria-labelledby="demand-heading">
        <h2 id="demand-heading">{t("campaign.demandHeading")}</h2>
        <p class="campaign__target">{t("campaign.target", { target: campaign.target_name })}</p>
        <blockquote>
          <p>{campaign.demand}</p>
        </blockquote>
      </section>
      <section aria-labelledby="why-heading">
        <h2 id="why-heading">{t("campaign.whyHeading")}</h2>
        <Markdown html={campaign.body} />
      </section>
    </article>
  );
}
