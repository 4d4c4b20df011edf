import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import {
  type ApiKeyRow,
  findApiKey,
  findApiKeyByHash,
  insertApiKey,
  revokeApiKey,
  touchApiKey,
} from "./api-keys.repo.ts";
import { API_SCOPES, type ApiScope, hashApiKey, newApiKey, scopesOf } from "./api-keys.ts";

export type ApiKeyProblem = "name" | "scopes" | "expires";

export const API_KEY_NAME_MAX = 100;

/** What the admin's form sends. */
export interface ApiKeyInput {
  name: string;
  scopes: string[];
  /** YYYY-MM-DD, or empty for a key that does not expire. */
  expires: string;
}

/** Checks the form: a name, at least one known scope, an expiry in the future if any. */
export function apiKeyProblems(input: ApiKeyInput, now = new Date()): ApiKeyProblem[] {
  const problems: ApiKeyProblem[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > API_KEY_NAME_MAX) problems.push("name");
  if (input.scopes.length === 0 || input.scopes.some((s) => !(API_SCOPES as readonly string[]).includes(s))) {
    problems.push("scopes");
  }
  if (input.expires !== "" && expiryOf(input.expires, now) === null) problems.push("expires");
  return problems;
}

/** The end of the chosen day (UTC), if it is a real date after today. */
function expiryOf(day: string, now: Date): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const end = new Date(`${day}T23:59:59.999Z`);
  if (Number.isNaN(end.getTime()) || end.toISOString().slice(0, 10) !== day || end <= now) return null;
  return end.toISOString();
}

/** Makes a key and records it in the audit log; the key itself is returned once and never kept. */
export async function createApiKey(
  deps: Deps,
  staffUserId: number,
  input: ApiKeyInput,
  now = new Date(),
): Promise<{ ok: true; key: string; id: number } | { ok: false; problems: ApiKeyProblem[] }> {
  const problems = apiKeyProblems(input, now);
  if (problems.length > 0) return { ok: false, problems };
  const { key, hash, prefix } = newApiKey();
  const scopes = API_SCOPES.filter((s) => input.scopes.includes(s)).join(" ");
  const expiresAt = input.expires === "" ? null : expiryOf(input.expires, now);
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertApiKey(trx, {
      name: input.name.trim(),
      prefix,
      hash,
      scopes,
      createdBy: staffUserId,
      expiresAt,
      now: now.toISOString(),
    });
    await recordAudit(trx, {
      staffUserId,
      action: "api-key.create",
      entity: "api_keys",
      entityId: id,
      after: { name: input.name.trim(), prefix, scopes, expires_at: expiresAt },
    });
    return id;
  });
  return { ok: true, key, id };
}

/** Revokes a key at once; audited. False when it was revoked already. */
export async function revokeKey(deps: Deps, staffUserId: number, id: number, now = new Date()): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await findApiKey(trx, id);
    if (!before || !(await revokeApiKey(trx, id, now.toISOString()))) return false;
    await recordAudit(trx, {
      staffUserId,
      action: "api-key.revoke",
      entity: "api_keys",
      entityId: id,
      before: { name: before.name, prefix: before.prefix, revoked_at: null },
      after: { revoked_at: now.toISOString() },
    });
    return true;
  });
}

export type KeyCheck =
  | { ok: true; key: ApiKeyRow; scopes: ApiScope[] }
  | { ok: false; reason: "missing" | "unknown" | "revoked" | "expired" };

/** Whom a presented key belongs to, if it may still be used; its use is noted. */
export async function checkApiKey(deps: Deps, presented: string | null, now = new Date()): Promise<KeyCheck> {
  if (!presented) return { ok: false, reason: "missing" };
  const key = await findApiKeyByHash(deps.db, hashApiKey(presented));
  if (!key) return { ok: false, reason: "unknown" };
  if (key.revoked_at) return { ok: false, reason: "revoked" };
  if (key.expires_at && key.expires_at <= now.toISOString()) return { ok: false, reason: "expired" };
  // At most once a minute, so that a busy client does not write on every request.
  if (!key.last_used_at || key.last_used_at < new Date(now.getTime() - 60_000).toISOString()) {
    await touchApiKey(deps.db, key.id, now);
  }
  return { ok: true, key, scopes: scopesOf(key.scopes) };
}
