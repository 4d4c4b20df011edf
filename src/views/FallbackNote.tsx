import { usePage } from "./context.ts";

/** Said above content shown in another language than the visitor's, because it has no translation yet. */
export function FallbackNote({ shownIn }: { shownIn: string }) {
  const { i18n } = usePage();
  if (shownIn === i18n.locale) return null;
  return (
    <p class="fallback-note" role="note" lang={i18n.locale} dir={i18n.dir}>
      {i18n.t("translation.fallback", {
        language: i18n.languageName(i18n.locale),
        original: i18n.languageName(shownIn),
      })}
    </p>
  );
}
