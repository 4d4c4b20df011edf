import { useT } from "../../../views/context.ts";
import type { MessageKey } from "../../i18n/i18n.ts";
import type { CampaignStatus } from "../campaign-states.ts";

const LABELS: Record<CampaignStatus, MessageKey> = {
  draft: "campaign.status.draft",
  open: "campaign.status.open",
  closed: "campaign.status.closed",
  won: "campaign.status.won",
  delivered: "campaign.status.delivered",
};

export function StatusBadge({ status }: { status: CampaignStatus }) {
  const t = useT();
  return <p class={`status status--${status}`}>{t(LABELS[status])}</p>;
}
