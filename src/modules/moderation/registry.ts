import type { Db } from "../../db/index.ts";
import { eventKind } from "../events/event-kind.ts";
import { groupEditKind } from "../groups/group-edit-kind.ts";
import { groupKind } from "../groups/group-kind.ts";
import { commentKind } from "../petitions/comments.ts";
import { storyKind } from "../stories/story-kind.ts";
import type { ModerationKind } from "./moderation-kinds.ts";

/** Every kind of thing the public submits for moderation, in the order the admin lists them. */
export const MODERATION_KINDS: readonly ModerationKind[] = [
  commentKind,
  eventKind,
  storyKind,
  groupKind,
  groupEditKind,
];

export function kindNamed(name: string): ModerationKind | undefined {
  return MODERATION_KINDS.find((k) => k.name === name);
}

/** Drops every queue item whose submission is gone or blanked (by retention, or erasure). */
export async function forgetOrphanedSubmissions(db: Db): Promise<number> {
  let dropped = 0;
  for (const kind of MODERATION_KINDS) dropped += await kind.forgetOrphans(db);
  return dropped;
}
