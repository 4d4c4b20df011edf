import { recordSlug } from "../moderation/record-slug.ts";

/** A story's address: its title's words and a few random letters, so no two clash. */
export function storySlug(title: string): string {
  return recordSlug(title, "story");
}
