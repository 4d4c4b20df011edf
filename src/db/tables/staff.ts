import type { Generated } from "kysely";

/* Staff accounts, their sign-ins, sessions and the audit log. */

export type StaffRole = "admin" | "campaigner" | "moderator";

export interface StaffUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: StaffRole;
  locale: string;
  /** argon2id; null until the invitation is taken up. */
  password_hash: string | null;
  /** The TOTP secret, encrypted with a key derived from SECRET_KEY; null until set up. */
  totp_secret: string | null;
  /** JSON array of SHA-256 hashes of the unused recovery codes. */
  recovery_codes: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  /** The TOTP time step of the last code accepted at sign-in: a code is good once. */
  totp_last_step: number | null;
}

/** Failed sign-ins to one account from one network (keyed hash), and its lock. */
export interface StaffLoginFailureTable {
  staff_user_id: number;
  network_hash: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

/** A signed-in browser: only the hash of its cookie's value is kept. */
export interface StaffSessionTable {
  id_hash: string;
  staff_user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** What a member of staff did: who, when, what, and the record before and after (JSON). */
export interface AuditLogTable {
  id: Generated<number>;
  staff_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  at: string;
}
