import { idOfLinkKey, linkKey } from "../events/link-key.ts";

/**
 * The key in a member's "leave this group" link: the membership's id and its HMAC under
 * the site's key. No login and no row; it opens that one membership only, and never expires.
 */
export function memberKey(secret: string, memberId: number): string {
  return linkKey(secret, "group-member", memberId);
}

export function memberOfKey(secret: string, key: unknown): number | null {
  return idOfLinkKey(secret, "group-member", key);
}
