import { randomBytes } from "node:crypto";

/**
 * An address for a record the public submits (a group, an event, a story): its title's
 * words and a few random letters (`randomBytes` of them, in hex), so no two clash.
 * `fallback` stands for a title with no letters the address can keep.
 */
export function recordSlug(title: string, fallback: string, randomByteCount = 4): string {
  const words =
    title
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || fallback;
  return `${words}-${randomBytes(randomByteCount).toString("hex")}`;
}
