import { createHmac, timingSafeEqual } from "node:crypto";

/** How long an embedded form may sit open before it must be reloaded. */
const EMBED_TOKEN_MS = 24 * 60 * 60 * 1000;

function mac(secret: string, slug: string, issuedAt: string): string {
  return createHmac("sha256", secret).update(`embed:${slug}:${issuedAt}`).digest("base64url");
}

/**
 * The token of an embedded sign form. A form inside another site's iframe gets no
 * first-party cookie, so it carries a signed, dated token of its own instead: a post
 * must come from a form this site rendered for this petition within the last day.
 */
export function issueEmbedToken(secret: string, slug: string, now = Date.now()): string {
  const issuedAt = String(now);
  return `${issuedAt}.${mac(secret, slug, issuedAt)}`;
}

export function isValidEmbedToken(secret: string, slug: string, token: unknown, now = Date.now()): boolean {
  if (typeof token !== "string") return false;
  const [issuedAt = "", given = ""] = token.split(".");
  const age = now - Number(issuedAt);
  if (!/^\d{13}$/.test(issuedAt) || !(age >= 0 && age <= EMBED_TOKEN_MS)) return false;
  const expected = Buffer.from(mac(secret, slug, issuedAt));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
