import { randomBytes } from "node:crypto";

/** A story's address: its title's words and a few random letters, so no two clash. */
export function storySlug(title: string): string {
  const words =
    title
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "story";
  return `${words}-${randomBytes(4).toString("hex")}`;
}
