import { usePage } from "../../../views/context.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { CampaignSummary } from "../campaigns.repo.ts";
import { CampaignImage } from "./CampaignImage.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

export function CampaignCard({
  campaign,
  headingLevel = 3,
}: {
  campaign: CampaignSummary & { total: number };
  headingLevel?: 2 | 3;
}) {
  const { i18n } = usePage();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article class="campaign-card" lang={campaign.locale === i18n.locale ? undefined : campaign.locale}>
      <CampaignImage
        url={campaign.image_url}
        alt={campaign.image_alt}
        width={campaign.image_width}
        height={campaign.image_height}
        uploadKey={campaign.image_key}
        widths={campaign.image_widths}
        sizes="(min-width: 40rem) 20rem, 100vw"
      />
      <Heading class="campaign-card__title">
        <a href={localisedPath(i18n.locale, `/campaigns/${campaign.slug}`)}>{campaign.title}</a>
      </Heading>
      <StatusBadge status={campaign.status} />
      <p>{campaign.summary}</p>
      <p class="campaign-card__target">{i18n.t("campaign.target", { target: campaign.target_name })}</p>
      <p class="campaign-card__count">{i18n.t("petition.count", { count: campaign.total })}</p>
    </article>
  );
}
