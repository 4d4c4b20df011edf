import { usePage } from "../../../views/context.ts";

export interface ShareLinksProps {
  /** The address to share, with the sharer's referral code. */
  url: string;
  /** The text that goes with it. */
  text: string;
  title: string;
}

/**
 * Links that work everywhere without JavaScript; the client script adds the device's own
 * share sheet (Web Share API) and copy-to-clipboard where the browser has them.
 */
export function ShareLinks({ url, text, title }: ShareLinksProps) {
  const { i18n } = usePage();
  const t = i18n.t;
  const u = encodeURIComponent(url);
  const message = encodeURIComponent(`${text} ${url}`);
  const links = [
    { key: "whatsapp", label: t("share.whatsapp"), href: `https://wa.me/?text=${message}` },
    {
      key: "telegram",
      label: t("share.telegram"),
      href: `https://t.me/share/url?url=${u}&text=${encodeURIComponent(text)}`,
    },
    { key: "facebook", label: t("share.facebook"), href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { key: "x", label: t("share.x"), href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(text)}` },
    {
      key: "email",
      label: t("share.email"),
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${message}`,
    },
  ];
  return (
    <section
      class="share"
      aria-labelledby="share-heading"
      data-share-url={url}
      data-share-text={text}
      data-share-title={title}
    >
      <h2 id="share-heading">{t("share.heading")}</h2>
      <button type="button" class="button share__native" hidden data-share-native>
        {t("share.native")}
      </button>
      <ul class="share__links">
        {links.map((l) => (
          <li key={l.key}>
            <a class={`share__link share__link--${l.key}`} href={l.href} rel="noopener noreferrer" target="_blank">
              {l.label}
              <span class="visually-hidden"> {t("share.newWindow")}</span>
            </a>
          </li>
        ))}
      </ul>
      <div class="share__copy">
        <label for="share-url">{t("share.copyLabel")}</label>
        <input id="share-url" type="text" readOnly value={url} dir="ltr" />
        <button type="button" class="button button--secondary" hidden data-share-copy data-copied={t("share.copied")}>
          {t("share.copy")}
        </button>
        <p class="visually-hidden" aria-live="polite" data-share-status />
      </div>
    </section>
  );
}
