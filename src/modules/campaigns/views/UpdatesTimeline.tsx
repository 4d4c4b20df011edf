import { usePage } from "../../../views/context.ts";
import { Markdown } from "../../../views/Markdown.tsx";
import type { SafeHtml } from "../../content/markdown.ts";

export interface CampaignUpdateView {
  id: number;
  title: string;
  body: SafeHtml;
  publishedAt: string;
}

/** The campaign's news, newest first. */
export function UpdatesTimeline({ updates }: { updates: CampaignUpdateView[] }) {
  const { i18n } = usePage();
  if (updates.length === 0) return null;
  return (
    <section class="updates" aria-labelledby="updates-heading">
      <h2 id="updates-heading">{i18n.t("campaign.updatesHeading")}</h2>
      <ol class="updates__list">
        {updates.map((u) => (
          <li key={u.id} class="update">
            <h3>{u.title}</h3>
            <p class="update__date">
              <time dateTime={u.publishedAt}>{i18n.formatDate(u.publishedAt)}</time>
            </p>
            <Markdown html={u.body} />
          </li>
        ))}
      </ol>
    </section>
  );
}
