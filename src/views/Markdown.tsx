import type { SafeHtml } from "../modules/content/markdown.ts";

/** Shows Markdown already rendered and sanitised by renderMarkdown(). */
export function Markdown({ html, class: className = "prose" }: { html: SafeHtml; class?: string }) {
  // SafeHtml is only made by renderMarkdown, which sanitises.
  return <div class={className} dangerouslySetInnerHTML={{ __html: html.value }} />;
}
