import type { Db } from "../../db/index.ts";
import { type KeyedRow, linkKey, openLinkKey } from "../tokens/link-key.ts";

/**
 * The key in a member's "leave this group" link: bound to the membership's id and creation
 * time (see tokens/link-key.ts). No login and no row; it opens that one membership only,
 * and never expires.
 */
export function memberKey(secret: string, member: KeyedRow): string {
  return linkKey(secret, "group-member", member);
}

export function memberOfKey(db: Db, secret: string, key: unknown): Promise<number | null> {
  return openLinkKey(db, secret, "group-member", key);
}
