import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import { CountryTable } from "../../petitions/views/CountryTable.tsx";
import { SignatureMap } from "../../petitions/views/SignatureMap.tsx";
import type { PetitionWatch } from "../petition-watch.service.ts";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";
import { BarChart } from "./BarChart.tsx";
import { TallyTable } from "./TallyTable.tsx";

/** How often, in seconds, the page's script fetches it again while it is open. */
export const WATCH_REFRESH_SECONDS = 10;

/** The campaign's name and the links between its watch pages. */
export function WatchHeader({
  campaign,
  heading,
  current,
}: {
  campaign: { id: number; slug: string; title: string };
  heading: string;
  current: "dashboard" | "abuse";
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const links = [
    { href: `/admin/campaigns/${campaign.id}/dashboard`, label: t("admin.watch.link"), key: "dashboard" },
    { href: `/admin/campaigns/${campaign.id}/abuse`, label: t("admin.abuse.link"), key: "abuse" },
    { href: `/campaigns/${campaign.slug}`, label: t("admin.watch.publicPage"), key: "public" },
  ];
  return (
    <header class="watch__header">
      <h1>{heading}</h1>
      <nav aria-label={t("admin.watch.pagesLabel")}>
        <ul class="watch__links">
          {links.map((l) => (
            <li key={l.key}>
              <a href={l.href} aria-current={l.key === current ? "page" : undefined}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function PetitionDashboardPage({ watch, staff }: { watch: PetitionWatch; staff: StaffViewer }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const { campaign, totals } = watch;
  const hour = (bucket: string) =>
    i18n.formatDate(`${bucket}:00:00Z`, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const day = (bucket: string) => i18n.formatDate(`${bucket}T00:00:00Z`, { dateStyle: "medium" });
  const hourly = watch.hourly.map((b) => ({ ...b, label: hour(b.bucket) }));
  const daily = watch.daily.map((b) => ({ ...b, label: day(b.bucket) }));
  const sum = (bars: { received: number }[]) => bars.reduce((n, b) => n + b.received, 0);
  const path = `/admin/campaigns/${campaign.id}/dashboard`;
  return (
    <AdminFrame staff={staff}>
      <div class="watch">
        <WatchHeader
          campaign={campaign}
          heading={t("admin.watch.heading", { title: campaign.title })}
          current="dashboard"
        />
        <p class="watch__refresh">
          <span data-watch-status>
            {t("admin.watch.asOf", { time: i18n.formatDate(watch.at, { timeStyle: "medium" }) })}
          </span>{" "}
          <a href={path}>{t("admin.watch.refresh")}</a>{" "}
          <button
            type="button"
            class="button button--secondary"
            hidden
            data-watch-toggle
            data-stop={t("admin.watch.stopUpdates")}
            data-start={t("admin.watch.startUpdates", { seconds: WATCH_REFRESH_SECONDS })}
          >
            {t("admin.watch.stopUpdates")}
          </button>
        </p>
        <div id="watch-content" data-watch-refresh={String(WATCH_REFRESH_SECONDS)}>
          <PauseSwitch campaignId={campaign.id} pause={watch.pause} />
          <section aria-labelledby="watch-totals">
            <h2 id="watch-totals">{t("admin.watch.totals")}</h2>
            <dl class="watch__totals">
              <div>
                <dt>{t("admin.watch.counted")}</dt>
                <dd data-watch-counted>{i18n.formatNumber(watch.counted)}</dd>
              </div>
              <div>
                <dt>{t("admin.watch.pending")}</dt>
                <dd>{i18n.formatNumber(totals.pending)}</dd>
              </div>
              <div>
                <dt>{t("admin.watch.rate")}</dt>
                <dd>
                  {watch.confirmationRate === null
                    ? t("admin.watch.rateNone")
                    : i18n.formatNumber(watch.confirmationRate, { style: "percent", maximumFractionDigits: 1 })}
                </dd>
              </div>
              <div>
                <dt>{t("admin.watch.newSupporters")}</dt>
                <dd>{i18n.formatNumber(watch.newSupporters)}</dd>
              </div>
              <div>
                <dt>{t("admin.watch.invalidated")}</dt>
                <dd>{i18n.formatNumber(totals.invalidated)}</dd>
              </div>
            </dl>
          </section>
          {watch.wholeAt ? (
            <p class="watch__note">
              {t("admin.watch.wholeAsOf", { time: i18n.formatDate(watch.wholeAt, { timeStyle: "medium" }) })}
            </p>
          ) : null}
          <section aria-labelledby="watch-hourly">
            <h2 id="watch-hourly">{t("admin.watch.perHour")}</h2>
            <BarChart
              id="chart-hourly"
              title={t("admin.watch.perHourTitle")}
              description={t("admin.watch.chartDescription", {
                total: sum(hourly),
                from: hourly[0]?.label ?? "",
                to: hourly.at(-1)?.label ?? "",
              })}
              bars={hourly}
              timeHeading={t("admin.watch.hourUtc")}
            />
          </section>
          <section aria-labelledby="watch-daily">
            <h2 id="watch-daily">{t("admin.watch.perDay")}</h2>
            {daily.length === 0 ? (
              <p>{t("admin.watch.noneYet")}</p>
            ) : (
              <BarChart
                id="chart-daily"
                title={t("admin.watch.perDayTitle")}
                description={t("admin.watch.chartDescription", {
                  total: sum(daily),
                  from: daily[0]?.label ?? "",
                  to: daily.at(-1)?.label ?? "",
                })}
                bars={daily}
                timeHeading={t("admin.watch.dayUtc")}
              />
            )}
          </section>
          <section aria-labelledby="watch-countries">
            <h2 id="watch-countries">{t("petition.byCountry.heading")}</h2>
            {watch.byCountry.length === 0 ? (
              <p>{t("admin.watch.noneYet")}</p>
            ) : (
              <>
                <SignatureMap rows={watch.byCountry} />
                <CountryTable rows={watch.byCountry} />
              </>
            )}
          </section>
          <section aria-labelledby="watch-sources">
            <h2 id="watch-sources">{t("admin.watch.sources")}</h2>
            <TallyTable
              caption={t("admin.watch.sourcesCaption")}
              keyHeading={t("admin.watch.source")}
              rows={watch.sources}
              blank={t("admin.watch.direct")}
            />
          </section>
          <section aria-labelledby="watch-referrals">
            <h2 id="watch-referrals">{t("admin.watch.referrals")}</h2>
            <TallyTable
              caption={t("admin.watch.referralsCaption")}
              keyHeading={t("admin.watch.referralCode")}
              rows={watch.referrals}
              blank=""
              code
            />
          </section>
        </div>
      </div>
    </AdminFrame>
  );
}

/** Whether this petition takes signatures now, and the button that pauses or resumes it. */
function PauseSwitch({ campaignId, pause }: { campaignId: number; pause: PetitionWatch["pause"] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <section aria-labelledby="watch-signing" class="watch__signing">
      <h2 id="watch-signing">{t("admin.pause.heading")}</h2>
      {pause.all ? <p class="notice">{t("admin.pause.allPaused")}</p> : null}
      <p>{t(pause.campaign ? "admin.pause.paused" : "admin.pause.running")}</p>
      <Form action={`/admin/campaigns/${campaignId}/pause`}>
        <input type="hidden" name="paused" value={pause.campaign ? "0" : "1"} />
        <button type="submit" class={pause.campaign ? "button" : "button button--secondary"}>
          {t(pause.campaign ? "admin.pause.resume" : "admin.pause.pause")}
        </button>
      </Form>
    </section>
  );
}
