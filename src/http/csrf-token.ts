import { createHmac, createSecretKey, type KeyObject, randomBytes, timingSafeEqual } from "node:crypto";

/** The hidden form field that carries the token. */
export const CSRF_FIELD = "_csrf";

/** A fresh random value for the CSRF cookie. */
export function newCsrfSecret(): string {
  return randomBytes(24).toString("base64url");
}

/** The site's key as a KeyObject, made once: an HMAC keyed by one is quicker to start. */
let keyObject: { secretKey: string; key: KeyObject } | undefined;
function keyOf(secretKey: string): KeyObject {
  if (keyObject?.secretKey !== secretKey) keyObject = { secretKey, key: createSecretKey(Buffer.from(secretKey)) };
  return keyObject.key;
}

/** The token a form carries: an HMAC of the cookie's value under the site's key. */
export function csrfTokenFor(secretKey: string, cookieValue: string): string {
  return createHmac("sha256", keyOf(secretKey)).update(`csrf:${cookieValue}`).digest("base64url");
}

export function isValidCsrfToken(secretKey: string, cookieValue: string | undefined, token: unknown): boolean {
  if (!cookieValue || typeof token !== "string" || token.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(secretKey, cookieValue));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
