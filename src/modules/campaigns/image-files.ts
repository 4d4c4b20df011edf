import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp, { type Metadata } from "sharp";
import { IMAGE_FORMATS, IMAGE_WIDTHS, imageUrl } from "./image-names.ts";

/** The largest picture a campaigner may upload. */
export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;

/** What sharp must find when it decodes the bytes: the name and type sent are not believed. */
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "heif"]);

/** Pictures larger than this many pixels are refused before they are decoded in full. */
const MAX_PIXELS = 60_000_000;

/** Where uploads are kept: a folder of DATA_DIR; served at /uploads/. */
export const uploadsDir = (dataDir: string) => join(dataDir, "uploads");

export interface StoredImage {
  key: string;
  widths: number[];
  /** The largest JPEG's address and size: what pages without srcset show. */
  url: string;
  width: number;
  height: number;
}

export class NotAnImageError extends Error {
  constructor() {
    super("not-an-image");
  }
}

/**
 * Decodes an upload, and if it is a JPEG, PNG, WebP, AVIF or GIF picture, writes it turned
 * upright and in each width and format, with no metadata at all (no EXIF, no GPS position,
 * no camera, no comment): sharp writes none unless asked to.
 */
export async function storeImage(dataDir: string, bytes: Buffer): Promise<StoredImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new NotAnImageError();
  }
  // HEIF is accepted only as AVIF (AV1-compressed); HEIC from phones is not a web format.
  const avif = meta.format === "heif" && meta.compression === "av1";
  if (!ACCEPTED.has(meta.format ?? "") || (meta.format === "heif" && !avif) || !meta.width || !meta.height)
    throw new NotAnImageError();
  // Upright first: a phone's portrait photo is stored sideways with an orientation tag.
  const upright = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error" }).autoOrient();
  let original: { width: number; height: number };
  try {
    const { info } = await upright.clone().toBuffer({ resolveWithObject: true });
    original = { width: info.width, height: info.height };
  } catch {
    throw new NotAnImageError();
  }
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w <= original.width);
  if (widths.length === 0) widths.push(original.width);
  const key = randomBytes(12).toString("hex");
  const dir = uploadsDir(dataDir);
  await mkdir(dir, { recursive: true });
  const largest = widths[widths.length - 1] ?? original.width;
  let height = original.height;
  try {
    for (const width of widths) {
      const resized = upright.clone().resize({ width, withoutEnlargement: true });
      for (const { ext } of IMAGE_FORMATS) {
        const encoded =
          ext === "avif"
            ? resized.clone().avif({ quality: 55, effort: 2 })
            : ext === "webp"
              ? resized.clone().webp({ quality: 75 })
              : resized.clone().flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true });
        const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
        await writeFile(join(dir, `${key}-${width}.${ext}`), data, { flag: "wx" });
        if (width === largest) height = info.height;
      }
    }
  } catch (error) {
    await removeImageFiles(dataDir, key);
    throw error;
  }
  return { key, widths, url: imageUrl(key, largest, "jpg"), width: largest, height };
}

/** Deletes every file of a stored picture; a missing file is no error. */
export async function removeImageFiles(dataDir: string, key: string): Promise<void> {
  if (!/^[0-9a-f]{24}$/.test(key)) return;
  const dir = uploadsDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(`${key}-`)).map((n) => rm(join(dir, n), { force: true })));
}
