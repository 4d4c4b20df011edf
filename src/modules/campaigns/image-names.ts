/** How uploaded pictures are named and in which sizes and formats they exist (no file access here: pages import it). */

/** The widths made of each picture, for srcset; none wider than the original. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;

/** The formats each width is written in; JPEG is the fallback every browser reads. */
export const IMAGE_FORMATS = [
  { ext: "avif", type: "image/avif" },
  { ext: "webp", type: "image/webp" },
  { ext: "jpg", type: "image/jpeg" },
] as const;

/** A stored name: random, so that names say nothing and cannot be guessed. */
export const UPLOAD_NAME = /^[0-9a-f]{24}-\d{1,4}\.(avif|webp|jpg)$/;

export const imageUrl = (key: string, width: number, ext: string) => `/uploads/${key}-${width}.${ext}`;
