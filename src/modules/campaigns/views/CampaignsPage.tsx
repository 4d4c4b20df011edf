import { useT } from "../../../views/context.ts";
import type { CampaignSummary } from "../campaigns.repo.ts";
import { CampaignCard } from "./CampaignCard.tsx";

export function CampaignsPage({ campaigns }: { campaigns: (CampaignSummary & { total: number })[] }) {
  const t = useT();
  return (
    <div class="page">
      <h1>{t("campaigns.heading")}</h1>
      <p class="lead">{t("campaigns.intro")}</p>
      {campaigns.length === 0 ? (
        <p>{t("campaigns.none")}</p>
      ) : (
        <div class="card-grid">
          {campaigns.map((c) => (
            <CampaignCard key={c.id} campaign={c} headingLevel={2} />
          ))}
        </div>
      )}
    </div>
  );
}
