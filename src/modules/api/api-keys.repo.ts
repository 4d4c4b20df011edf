import type { Db } from "../../db/index.ts";

export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

const COLUMNS = ["id", "name", "prefix", "scopes", "created_at", "expires_at", "last_used_at", "revoked_at"] as const;

export async function insertApiKey(
  db: Db,
  key: {
    name: string;
    prefix: string;
    hash: string;
    scopes: string;
    createdBy: number | null;
    expiresAt: string | null;
    now: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("api_keys")
    .values({
      name: key.name,
      prefix: key.prefix,
      key_hash: key.hash,
      scopes: key.scopes,
      created_by: key.createdBy,
      created_at: key.now,
      expires_at: key.expiresAt,
      last_used_at: null,
      revoked_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return db.selectFrom("api_keys").select(COLUMNS).orderBy("revoked_at", "desc").orderBy("id", "desc").execute();
}

export function findApiKeyByHash(db: Db, hash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom("api_keys").select(COLUMNS).where("key_hash", "=", hash).executeTakeFirst();
}

export function findApiKey(db: Db, id: number): Promise<ApiKeyRow | undefined> {
  return db.selectFrom("api_keys").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** Revokes a key still in use; false when it was revoked already (or never existed). */
export async function revokeApiKey(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("api_keys")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Notes the key's use, at most once a minute (a busy client does not write on every request). */
export async function touchApiKey(db: Db, id: number, now: Date): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000).toISOString();
  await db
    .updateTable("api_keys")
    .set({ last_used_at: now.toISOString() })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", minuteAgo)]))
    .execute();
}
