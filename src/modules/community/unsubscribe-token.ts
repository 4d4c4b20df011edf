import type { Db } from "../../db/index.ts";
import { type KeyedRow, linkKey, openLinkKey } from "../tokens/link-key.ts";

/**
 * The token in every unsubscribe link: bound to the supporter's id and creation time (see
 * tokens/link-key.ts). It never expires (an old email must still unsubscribe) and only
 * ever allows that one thing, so it needs no row of its own.
 */
export function unsubscribeToken(secret: string, supporter: KeyedRow): string {
  return linkKey(secret, "unsubscribe", supporter);
}

export function supporterOfUnsubscribeToken(db: Db, secret: string, token: unknown): Promise<number | null> {
  return openLinkKey(db, secret, "unsubscribe", token);
}
