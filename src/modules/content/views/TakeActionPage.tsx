import { usePage } from "../../../views/context.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { ContentPageView } from "../content.service.ts";
import type { TakeActionItem } from "../take-action.repo.ts";
import { PageIntro } from "./ContentPage.tsx";

/** A link of an item: a path on this site in the reader's language, or an address elsewhere. */
export function itemHref(locale: Parameters<typeof localisedPath>[0], link: string): string {
  return link.startsWith("/") ? localisedPath(locale, link) : link;
}

/** The take-action hub: the page's words, then each way to help with where it leads. */
export function TakeActionPage({ intro, items }: { intro: ContentPageView; items: TakeActionItem[] }) {
  const { i18n } = usePage();
  const itemsLocale = items[0]?.locale;
  return (
    <div class="page take-action">
      <PageIntro page={intro} />
      {items.length > 0 ? (
        <ul class="action-list" lang={itemsLocale && itemsLocale !== i18n.locale ? itemsLocale : undefined}>
          {items.map((item) => (
            <li key={item.id} class="action-card">
              <h2 class="action-card__title">{item.title}</h2>
              <p>{item.text}</p>
              <p>
                <a
                  class="button button--secondary"
                  href={itemHref(i18n.locale, item.link)}
                  {...(item.link.startsWith("/") ? {} : { rel: "noopener noreferrer" })}
                >
                  {item.link_label}
                </a>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
