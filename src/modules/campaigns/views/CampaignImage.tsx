import { usePage } from "../../../views/context.ts";
import { IMAGE_FORMATS, imageUrl } from "../image-names.ts";

export interface CampaignImageProps {
  url: string | null;
  alt: string | null;
  width: number | null;
  height: number | null;
  caption?: string | null;
  credit?: string | null;
  /** The picture at the top of the campaign page loads at once; those in lists when seen. */
  eager?: boolean;
  /** An uploaded picture's stored name and widths: then the browser picks a size and a format. */
  uploadKey?: string | null | undefined;
  widths?: string | null | undefined;
  /** How wide the picture shows, for the browser's choice among the widths. */
  sizes?: string;
}

/** A campaign's picture, with its caption and credit where it has them. No alternative text, no picture. */
export function CampaignImage(props: CampaignImageProps) {
  const { url, alt, width, height, caption, credit, eager, uploadKey } = props;
  const { i18n } = usePage();
  if (!url || !alt) return null;
  const widths = (props.widths ?? "")
    .split(",")
    .map(Number)
    .filter((w) => w > 0);
  const srcset = (ext: string) => widths.map((w) => `${imageUrl(uploadKey ?? "", w, ext)} ${w}w`).join(", ");
  const sizes = props.sizes ?? "(min-width: 52rem) 48rem, 100vw";
  const plain = (
    <img
      src={url}
      alt={alt}
      width={width ?? undefined}
      height={height ?? undefined}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      {...(uploadKey && widths.length > 0 ? { srcset: srcset("jpg"), sizes } : {})}
    />
  );
  // AVIF, then WebP, for browsers that read them; the JPEG for every other.
  const img =
    uploadKey && widths.length > 0 ? (
      <picture>
        {IMAGE_FORMATS.filter((f) => f.ext !== "jpg").map((f) => (
          <source key={f.ext} type={f.type} srcset={srcset(f.ext)} sizes={sizes} />
        ))}
        {plain}
      </picture>
    ) : (
      plain
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
