import { usePage } from "../../../views/context.ts";

export interface CampaignImageProps {
  url: string | null;
  alt: string | null;
  width: number | null;
  height: number | null;
  caption?: string | null;
  credit?: string | null;
  /** The picture at the top of the campaign page loads at once; those in lists when seen. */
  eager?: boolean;
}

/** A campaign's picture, with its caption and credit where it has them. No alternative text, no picture. */
export function CampaignImage({ url, alt, width, height, caption, credit, eager }: CampaignImageProps) {
  const { i18n } = usePage();
  if (!url || !alt) return null;
  const img = (
    <img
      src={url}
      alt={alt}
      width={width ?? undefined}
      height={height ?? undefined}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
    />
  );
  if (!caption && !credit) return <div class="campaign-image">{img}</div>;
  return (
    <figure class="campaign-image">
      {img}
      <figcaption>
        {caption ? <span class="campaign-image__caption">{caption}</span> : null}{" "}
        {credit ? <span class="campaign-image__credit">{i18n.t("campaign.imageCredit", { credit })}</span> : null}
      </figcaption>
    </figure>
  );
}
