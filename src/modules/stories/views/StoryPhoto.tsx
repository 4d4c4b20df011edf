import { imageUrl } from "../../campaigns/image-names.ts";
import { CampaignImage } from "../../campaigns/views/CampaignImage.tsx";
import type { PublicStory } from "../stories.repo.ts";

/** A story's photo, in the sizes and formats it was stored in; none without its description. */
export function StoryPhoto({ story, sizes, eager }: { story: PublicStory; sizes?: string; eager?: boolean }) {
  if (!story.image_key || !story.image_alt) return null;
  const largest = Number((story.image_widths ?? "").split(",").pop()) || story.image_width || 480;
  return (
    <CampaignImage
      url={imageUrl(story.image_key, largest, "jpg")}
      alt={story.image_alt}
      width={story.image_width}
      height={story.image_height}
      uploadKey={story.image_key}
      widths={story.image_widths}
      eager={eager}
      {...(sizes ? { sizes } : {})}
    />
  );
}
