import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The hidden form field that carries the token. */
export const CSRF_FIELD = "_csrf";

/** A fresh random value for the CSRF cookie. */
export function newCsrfSecret(): string {
  return randomBytes(24).toString("base64url");
}

/** The token a form carries: an HMAC of the cookie's value under the site's key. */
export function csrfTokenFor(secretKey: string, cookieValue: string): string {
  return createHmac("sha256", secretKey).update(`csrf:${cookieValue}`).digest("base64url");
}

export function isValidCsrfToken(secretKey: string, cookieValue: string | undefined, token: unknown): boolean {
  if (!cookieValue || typeof token !== "string" || token.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(secretKey, cookieValue));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
