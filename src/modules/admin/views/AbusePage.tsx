import { usePage } from "../../../views/context.ts";
import { type ChallengeDone, ChallengeSection } from "../../abuse/views/ChallengeSection.tsx";
import { HeldSection } from "../../abuse/views/HeldSection.tsx";
import { NETWORK_SHOWN } from "../../petitions/invalidation.repo.ts";
import type { AbuseView } from "../petition-watch.service.ts";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";
import { AdminTable, Notice, RowAction } from "./AdminParts.tsx";
import { WatchHeader } from "./PetitionDashboardPage.tsx";

/** A network hash is shown only by its start: enough to tell networks apart, never an address. */
export const shortHash = (hash: string) => `${hash.slice(0, NETWORK_SHOWN)}…`;

/** What the page says after a button did its work (from the redirect's query). */
export type AbuseOutcome = { invalidated: number } | { restored: number } | { released: number } | null;

export function AbusePage({
  view,
  staff,
  outcome,
  challengeDone = null,
}: {
  view: AbuseView;
  staff: StaffViewer;
  outcome: AbuseOutcome;
  challengeDone?: ChallengeDone;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const { campaign } = view;
  return (
    <AdminFrame staff={staff}>
      <div class="watch">
        <WatchHeader
          campaign={campaign}
          heading={t("admin.abuse.heading", { title: campaign.title })}
          current="abuse"
        />
        <Notice>
          {outcome === null
            ? null
            : "invalidated" in outcome
              ? t("admin.abuse.invalidatedCount", { count: outcome.invalidated })
              : "released" in outcome
                ? t("admin.held.releasedCount", { count: outcome.released })
                : t("admin.abuse.restoredCount", { count: outcome.restored })}
        </Notice>
        {view.burst.burst ? (
          <p class="notice notice--warning" role="status">
            {t("admin.burst.notice", {
              total: view.burst.total,
              share: i18n.formatNumber(view.burst.topShare, { style: "percent", maximumFractionDigits: 0 }),
              networks: view.burst.networks.length,
            })}
          </p>
        ) : null}
        <p>{t("admin.abuse.intro", { time: i18n.formatDate(view.since, { timeStyle: "short" }) })}</p>
        <ChallengeSection campaignId={campaign.id} state={view.challenge} done={challengeDone} />
        <BusiestTable
          id="abuse-networks"
          heading={t("admin.abuse.networks")}
          keyHeading={t("admin.abuse.network")}
          kind="network"
          campaignId={campaign.id}
          busiest={view.networks}
        />
        <BusiestTable
          id="abuse-domains"
          heading={t("admin.abuse.domains")}
          keyHeading={t("admin.abuse.domain")}
          kind="email-domain"
          campaignId={campaign.id}
          busiest={view.domains}
        />
        <HeldSection campaignId={campaign.id} held={view.held} />
        <section aria-labelledby="abuse-batches">
          <h2 id="abuse-batches">{t("admin.abuse.batches")}</h2>
          <AdminTable
            rows={view.batches}
            none={t("admin.abuse.noBatches")}
            caption={t("admin.abuse.batchesCaption")}
            headings={[
              t("admin.audit.when"),
              t("admin.abuse.what"),
              t("admin.watch.invalidated"),
              t("admin.audit.who"),
              t("admin.abuse.restore"),
            ]}
          >
            {(b) => (
              <tr key={b.id}>
                <td>
                  <time dateTime={b.created_at}>
                    {i18n.formatDate(b.created_at, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </td>
                <td>
                  {t(b.kind === "network" ? "admin.abuse.network" : "admin.abuse.domain")}:{" "}
                  <code dir="ltr">{b.kind === "network" ? shortHash(b.value) : b.value}</code>
                </td>
                <td>{i18n.formatNumber(b.signatures)}</td>
                <td>{b.created_by_name ?? "—"}</td>
                <td>
                  {b.restored_at ? (
                    t("admin.abuse.restoredOn", {
                      date: i18n.formatDate(b.restored_at, { dateStyle: "medium", timeStyle: "short" }),
                      name: b.restored_by_name ?? "—",
                    })
                  ) : (
                    <RowAction
                      action={`/admin/campaigns/${campaign.id}/abuse/restore`}
                      hidden={{ batch: String(b.id) }}
                      label={t("admin.abuse.restoreButton", { count: b.signatures })}
                    />
                  )}
                </td>
              </tr>
            )}
          </AdminTable>
        </section>
      </div>
    </AdminFrame>
  );
}

function BusiestTable({
  id,
  heading,
  keyHeading,
  kind,
  campaignId,
  busiest,
}: {
  id: string;
  heading: string;
  keyHeading: string;
  kind: "network" | "email-domain";
  campaignId: number;
  busiest: AbuseView["networks"];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <AdminTable
        rows={busiest.rows}
        none={t("admin.abuse.quiet")}
        caption={t("admin.abuse.caption", { total: busiest.total })}
        headings={[keyHeading, t("admin.watch.received"), t("admin.abuse.share"), t("admin.abuse.action")]}
      >
        {(r) => {
          const shown = kind === "network" ? shortHash(r.key) : r.key;
          return (
            <tr key={r.key}>
              <th scope="row">
                <code dir="ltr">{shown}</code>
              </th>
              <td>{i18n.formatNumber(r.count)}</td>
              <td>
                {i18n.formatNumber(busiest.total === 0 ? 0 : r.count / busiest.total, {
                  style: "percent",
                  maximumFractionDigits: 1,
                })}
              </td>
              <td>
                <RowAction
                  action={`/admin/campaigns/${campaignId}/abuse/invalidate`}
                  hidden={{ kind, value: r.key }}
                  label={t("admin.abuse.invalidate", { count: r.count, source: shown })}
                />
              </td>
            </tr>
          );
        }}
      </AdminTable>
    </section>
  );
}
