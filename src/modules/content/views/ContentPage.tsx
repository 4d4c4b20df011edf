import { usePage } from "../../../views/context.ts";
import { FallbackNote } from "../../../views/FallbackNote.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import type { ContentPageView } from "../content.service.ts";

export function ContentPage({ page }: { page: ContentPageView }) {
  const { i18n } = usePage();
  return (
    <article class="page content-page" lang={page.locale === i18n.locale ? undefined : page.locale}>
      <FallbackNote shownIn={page.locale} />
      <h1>{page.title}</h1>
      {page.summary ? <p class="lead">{page.summary}</p> : null}
      <Markdown html={page.body} />
      <p class="content-page__updated">{i18n.t("content.updated", { date: i18n.formatDate(page.updatedAt) })}</p>
    </article>
  );
}

/** A content page's words at the top of a page that shows more (take-action, Learn), marked when not in the reader's language. */
export function PageIntro({ page }: { page: ContentPageView }) {
  const { i18n } = usePage();
  return (
    <div lang={page.locale === i18n.locale ? undefined : page.locale}>
      <FallbackNote shownIn={page.locale} />
      <h1>{page.title}</h1>
      {page.summary ? <p class="lead">{page.summary}</p> : null}
      <Markdown html={page.body} />
    </div>
  );
}
