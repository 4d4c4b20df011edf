// What the API tests share: a key made as the admin makes one, and requests that carry it.
import type { FastifyInstance } from "fastify";
import type { Db } from "../../../src/db/index.ts";
import { insertApiKey } from "../../../src/modules/api/api-keys.repo.ts";
import { type ApiScope, newApiKey } from "../../../src/modules/api/api-keys.ts";

/** A new key with these scopes (and an expiry or revocation when asked); returns the key itself. */
export async function makeApiKey(
  db: Db,
  scopes: ApiScope[] = ["read", "write"],
  { expiresAt = null, revoked = false }: { expiresAt?: string | null; revoked?: boolean } = {},
): Promise<string> {
  const { key, hash, prefix } = newApiKey();
  const id = await insertApiKey(db, {
    name: `test ${scopes.join("+")}`,
    prefix,
    hash,
    scopes: scopes.join(" "),
    createdBy: null,
    expiresAt,
    now: new Date().toISOString(),
  });
  if (revoked)
    await db.updateTable("api_keys").set({ revoked_at: new Date().toISOString() }).where("id", "=", id).execute();
  return key;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A GET of the API with a key. */
export const apiGet = (app: FastifyInstance, url: string, key?: string) =>
  app.inject({ method: "GET", url, headers: key ? bearer(key) : {} });

/** An OSDI record-signature-helper body. */
export function osdiSignature(email: string, extra: Record<string, unknown> = {}) {
  return {
    person: {
      given_name: "Sara",
      family_name: "Ahmadi",
      email_addresses: [{ address: email }],
      postal_addresses: [{ country: "SE", postal_code: "111 22" }],
    },
    ...extra,
  };
}

export const uniqueEmail = (who = "api") => `${who}.${Math.random().toString(36).slice(2)}@example.org`;
