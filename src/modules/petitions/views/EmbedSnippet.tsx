import { usePage } from "../../../views/context.ts";

/** The code a partner copies to put the petition on their own site. */
export function EmbedSnippet({ url, title }: { url: string; title: string }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const frameTitle = t("embed.frameTitle", { title }).replaceAll('"', "&quot;");
  const code = `<iframe src="${url}" title="${frameTitle}" width="100%" height="720" style="border:0;max-width:32rem" loading="lazy"></iframe>`;
  return (
    <details class="embed-snippet">
      <summary>{t("embed.heading")}</summary>
      <p>{t("embed.text")}</p>
      <label for="embed-code">{t("embed.codeLabel")}</label>
      <textarea id="embed-code" readOnly rows={4} dir="ltr">
        {code}
      </textarea>
    </details>
  );
}
