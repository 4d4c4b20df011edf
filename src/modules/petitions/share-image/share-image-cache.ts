import { renderShareImage, type ShareImageInput } from "./render-share-image.ts";

/** How long a drawn image is served before it is drawn again with the current count. */
const FRESH_MS = 60_000;
const MAX_ENTRIES = 200;

interface Entry {
  png: Promise<Buffer>;
  at: number;
}

/**
 * Share images by campaign and language: drawn at most once a minute each, one drawing at
 * a time per key however many crawlers ask at once, and the oldest dropped past a limit.
 */
export class ShareImageCache {
  private readonly entries = new Map<string, Entry>();

  async get(key: string, input: () => Promise<ShareImageInput>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < FRESH_MS) return hit.png;
    const png = input().then(renderShareImage);
    this.entries.delete(key);
    this.entries.set(key, { png, at: Date.now() });
    png.catch(() => this.entries.delete(key));
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return png;
  }
}
