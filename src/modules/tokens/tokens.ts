import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";

/** What a token lets its holder do; each purpose has its own lifetime. */
export type TokenPurpose =
  | "confirm-signature"
  | "confirm-join"
  | "confirm-rsvp"
  | "manage"
  | "staff-setup"
  | "confirm-group-join"
  | "organise-group";

const DAY_MS = 24 * 60 * 60 * 1000;

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  "confirm-signature": 7 * DAY_MS,
  "confirm-join": 7 * DAY_MS,
  // An RSVP to an event: confirmed within a week, like a signature.
  "confirm-rsvp": 7 * DAY_MS,
  // A link to see, change or erase one's data: short-lived, like a password reset.
  manage: DAY_MS,
  // An invitation to set a staff password and second factor.
  "staff-setup": 3 * DAY_MS,
  // Joining a local group: confirmed within a week, like a signature.
  "confirm-group-join": 7 * DAY_MS,
  // A group organiser's link to their members page: short-lived, like a manage link.
  "organise-group": DAY_MS,
};

// 32 random bytes in base64url: 43 characters.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function hashToken(raw: string): string {
  return createHash("sha256").update(raw).digest("base64url");
}

/**
 * Makes a new random token and keeps only its hash. The raw token is returned once, to go
 * into a link in an email, and is never written anywhere.
 */
export async function issueToken(db: Db, purpose: TokenPurpose, subjectId: number): Promise<string> {
  const raw = randomBytes(32).toString("base64url");
  const created = new Date();
  await db
    .insertInto("tokens")
    .values({
      hash: hashToken(raw),
      purpose,
      subject_id: subjectId,
      created_at: created.toISOString(),
      expires_at: new Date(created.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  return raw;
}

export type TokenState =
  | { state: "valid"; subjectId: number }
  | { state: "used"; subjectId: number }
  | { state: "expired"; subjectId: number }
  | { state: "unknown" };

/** What a token is, without using it (for the page that asks to confirm). */
export async function inspectToken(db: Db, purpose: TokenPurpose, raw: unknown): Promise<TokenState> {
  if (typeof raw !== "string" || !TOKEN_SHAPE.test(raw)) return { state: "unknown" };
  const row = await db
    .selectFrom("tokens")
    .select(["subject_id", "expires_at", "used_at"])
    .where("hash", "=", hashToken(raw))
    .where("purpose", "=", purpose)
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  if (row.used_at) return { state: "used", subjectId: row.subject_id };
  if (row.expires_at <= now()) return { state: "expired", subjectId: row.subject_id };
  return { state: "valid", subjectId: row.subject_id };
}

/**
 * Uses a token once: of two requests racing with the same token, exactly one gets "valid".
 * Call it inside the transaction that does what the token allows.
 */
export async function consumeToken(db: Db, purpose: TokenPurpose, raw: unknown): Promise<TokenState> {
  const seen = await inspectToken(db, purpose, raw);
  if (seen.state !== "valid") return seen;
  const result = await db
    .updateTable("tokens")
    .set({ used_at: now() })
    .where("hash", "=", hashToken(raw as string))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? seen : { state: "used", subjectId: seen.subjectId };
}
