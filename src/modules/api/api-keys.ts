import { createHash, randomBytes } from "node:crypto";

/** What a key may do: read people, signatures and the rest; write records signatures. */
export const API_SCOPES = ["read", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Every key starts with this, so a leaked one is easy to recognise (and to scan for). */
export const API_KEY_PREFIX = "iwk_";

/** A new key: 32 random bytes (256 bits), shown once; only its SHA-256 is stored. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, API_KEY_PREFIX.length + 6) };
}

/** A plain SHA-256 is enough: the key has 256 bits of entropy, so it cannot be guessed from its hash. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function scopesOf(stored: string): ApiScope[] {
  return stored.split(" ").filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
}
