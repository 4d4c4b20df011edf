import { useT } from "../../../views/context.ts";
import type { MessageKey } from "../../i18n/i18n.ts";
import type { EditorialState } from "../campaign-states.ts";

const LABELS: Record<EditorialState, MessageKey> = {
  draft: "campaign.status.draft",
  scheduled: "campaign.status.scheduled",
  open: "campaign.status.open",
  closed: "campaign.status.closed",
  won: "campaign.status.won",
  delivered: "campaign.status.delivered",
};

/** A campaign's state; "scheduled" shows only in the admin (the public never sees a draft). */
export function StatusBadge({ status }: { status: EditorialState }) {
  const t = useT();
  return <p class={`status status--${status}`}>{t(LABELS[status])}</p>;
}
