import { usePage } from "../../../views/context.ts";
import { FallbackNote } from "../../../views/FallbackNote.tsx";
import type { FieldError } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import type { MessageKey } from "../../i18n/i18n.ts";
import type { PetitionStats } from "../../petitions/petition-page.service.ts";
import type { SignatureForm } from "../../petitions/signature-input.ts";
import { CountryTable, RecentSigners } from "../../petitions/views/CountryTable.tsx";
import { EmbedSnippet } from "../../petitions/views/EmbedSnippet.tsx";
import { SignatureCount } from "../../petitions/views/SignatureCount.tsx";
import { SignatureMap } from "../../petitions/views/SignatureMap.tsx";
import { SignForm } from "../../petitions/views/SignForm.tsx";
import { type CampaignStatus, takesSignatures } from "../campaign-states.ts";
import type { CampaignPageView } from "../campaigns.service.ts";
import { CampaignImage } from "./CampaignImage.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { UpdatesTimeline } from "./UpdatesTimeline.tsx";

/** What stands in place of the form when a campaign no longer takes signatures. */
const CLOSED_NOTICE: Record<CampaignStatus, MessageKey> = {
  draft: "campaign.closedNotice.closed",
  open: "campaign.closedNotice.closed",
  closed: "campaign.closedNotice.closed",
  won: "campaign.closedNotice.won",
  delivered: "campaign.closedNotice.delivered",
};

export interface CampaignPageProps {
  campaign: CampaignPageView;
  stats: PetitionStats;
  form: { values: SignatureForm; errors: FieldError[]; source: Record<string, string> };
  /** The address of the embeddable petition, for the snippet partners copy. */
  embedUrl: string;
}

export function CampaignPage({ campaign, stats, form, embedUrl }: CampaignPageProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const open = takesSignatures(campaign);
  return (
    <article class="campaign" lang={campaign.locale === i18n.locale ? undefined : campaign.locale}>
      <header class="campaign__header">
        <FallbackNote shownIn={campaign.locale} />
        <StatusBadge status={campaign.status} />
        <h1>{campaign.title}</h1>
        <p class="lead">{campaign.summary}</p>
        {open ? (
          <p class="campaign__jump">
            <a class="button" href="#sign">
              {t("sign.heading")}
            </a>
          </p>
        ) : null}
        <CampaignImage
          url={campaign.image_url}
          alt={campaign.image_alt}
          width={campaign.image_width}
          height={campaign.image_height}
          caption={campaign.image_caption}
          credit={campaign.image_credit}
          eager
        />
      </header>
      <div class="campaign__layout">
        <div class="campaign__main">
          <section class="campaign__demand" aria-labelledby="demand-heading">
            <h2 id="demand-heading">{t("campaign.demandHeading")}</h2>
            <p class="campaign__target">{t("campaign.target", { target: campaign.target_name })}</p>
            <blockquote>
              <p>{campaign.demand}</p>
            </blockquote>
            {campaign.deadline && open ? (
              <p class="campaign__deadline">{t("campaign.deadline", { date: i18n.formatDate(campaign.deadline) })}</p>
            ) : null}
          </section>
          {!open && campaign.outcome ? (
            <section class="campaign__outcome" aria-labelledby="outcome-heading">
              <h2 id="outcome-heading">{t("campaign.outcomeHeading")}</h2>
              <p>{campaign.outcome}</p>
            </section>
          ) : null}
          <section aria-labelledby="why-heading">
            <h2 id="why-heading">{t("campaign.whyHeading")}</h2>
            <Markdown html={campaign.body} />
          </section>
          <UpdatesTimeline updates={campaign.updates} />
        </div>
        <aside class="campaign__side" aria-label={t("campaign.sideLabel")}>
          <SignatureCount slug={campaign.slug} total={stats.total} goal={stats.goal} live={open} />
          {open ? (
            <SignForm
              slug={campaign.slug}
              values={form.values}
              errors={form.errors}
              postcodeRequired={campaign.postcode_required === 1}
              source={form.source}
            />
          ) : (
            <p class="campaign__closed">{t(CLOSED_NOTICE[campaign.status])}</p>
          )}
        </aside>
      </div>
      {stats.byCountry.length > 0 ? (
        <section class="campaign__countries" aria-labelledby="countries-heading">
          <h2 id="countries-heading">{t("petition.byCountry.heading")}</h2>
          <SignatureMap rows={stats.byCountry} />
          <CountryTable rows={stats.byCountry} />
        </section>
      ) : null}
      <RecentSigners signers={stats.recentSigners} />
      {open ? <EmbedSnippet url={embedUrl} title={campaign.title} /> : null}
    </article>
  );
}
