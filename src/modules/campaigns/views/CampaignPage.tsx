import { usePage } from "../../../views/context.ts";
import { FallbackNote } from "../../../views/FallbackNote.tsx";
import type { FieldError } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import type { MessageKey } from "../../i18n/i18n.ts";
import type { CommentsPreview } from "../../petitions/comments.service.ts";
import type { PetitionStats } from "../../petitions/petition-page.service.ts";
import type { SignatureForm } from "../../petitions/signature-input.ts";
import { WhyPeopleSigned } from "../../petitions/views/Comments.tsx";
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
  /** The newest approved comments ("Why people signed") and how many there are. */
  comments: CommentsPreview;
  /** `challenge`: the proof-of-work challenge, while it is on for the petition. */
  form: { values: SignatureForm; errors: FieldError[]; source: Record<string, string>; challenge?: string | null };
  /** The address of the embeddable petition, for the snippet partners copy. */
  embedUrl: string;
}

export function CampaignPage({ campaign, stats, comments, form, embedUrl }: CampaignPageProps) {
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
        {open && !stats.paused ? (
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
          uploadKey={campaign.image_key}
          widths={campaign.image_widths}
          caption={campaign.image_caption}
          credit={campaign.image_credit}
          eager
        />
      </header>
      <div class="campaign__layout">
        <div class="campaign__main">
          <section class="campaign__demand" aria-labelledby="demand-heading">
            <h2 id="demand-heading">{t("campaign.demandHeading")}</h2>
            <p class="campaign__target">
              {campaign.target_office
                ? t("campaign.targetWithOffice", { target: campaign.target_name, office: campaign.target_office })
                : t("campaign.target", { target: campaign.target_name })}
            </p>
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
          {campaign.status === "delivered" && campaign.delivered_on ? (
            <section class="campaign__outcome" aria-labelledby="delivery-heading">
              <h2 id="delivery-heading">
                {t("campaign.deliveredOn", {
                  date: i18n.formatDate(campaign.delivered_on, { dateStyle: "long", timeZone: "UTC" }),
                })}
              </h2>
              {campaign.delivery_note ? <p>{campaign.delivery_note}</p> : null}
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
          {open && stats.paused ? (
            <p class="campaign__closed campaign__paused">{t("petition.paused.notice")}</p>
          ) : open ? (
            <SignForm
              slug={campaign.slug}
              values={form.values}
              errors={form.errors}
              postcodeRequired={campaign.postcode_required === 1}
              source={form.source}
              challenge={form.challenge ?? null}
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
      <WhyPeopleSigned slug={campaign.slug} comments={comments.comments} total={comments.total} />
      <RecentSigners signers={stats.recentSigners} />
      {open ? <EmbedSnippet url={embedUrl} title={campaign.title} /> : null}
    </article>
  );
}
