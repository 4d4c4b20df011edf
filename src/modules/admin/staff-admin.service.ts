import type { Transaction } from "kysely";
import { forUpdate, now } from "../../db/portable.ts";
import type { StaffRole, Tables } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { checkEmail } from "../supporters/email.ts";
import { issueToken } from "../tokens/tokens.ts";
import { recordAudit } from "./audit.repo.ts";
import { endAllSessions } from "./sessions.ts";
import { inviteStaff, STAFF_ROLES, StaffInputError } from "./staff.service.ts";

export type StaffState = "invited" | "active" | "locked" | "disabled";

export interface StaffMember {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  state: StaffState;
  created_at: string;
}

/** What an admin may get wrong when inviting or changing an account. */
export type StaffProblem = "email" | "email-taken" | "name" | "role" | "self" | "last-admin";

export type StaffResult<T> = { ok: true; value: T } | { ok: false; problem: StaffProblem };

const NAME_MAX = 100;

function stateOf(row: { password_hash: string | null; disabled_at: string | null; locked_until: string | null }) {
  if (row.disabled_at) return "disabled";
  if (!row.password_hash) return "invited";
  if (row.locked_until && row.locked_until > now()) return "locked";
  return "active";
}

const MEMBER_COLUMNS = [
  "id",
  "email",
  "name",
  "role",
  "password_hash",
  "disabled_at",
  "locked_until",
  "created_at",
] as const;

/** Everyone with a staff account, admins first, then by name. */
export async function listStaff(deps: Deps): Promise<StaffMember[]> {
  const rows = await deps.db.selectFrom("staff_users").select(MEMBER_COLUMNS).orderBy("name").orderBy("id").execute();
  const order = (role: StaffRole) => STAFF_ROLES.indexOf(role);
  return rows
    .map((row) => ({ ...pick(row), state: stateOf(row) as StaffState }))
    .sort((a, b) => order(a.role) - order(b.role));
}

export async function findStaffMember(deps: Deps, id: number): Promise<StaffMember> {
  const row = await deps.db.selectFrom("staff_users").select(MEMBER_COLUMNS).where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError();
  return { ...pick(row), state: stateOf(row) };
}

function pick(row: { id: number; email: string; name: string; role: StaffRole; created_at: string }) {
  return { id: row.id, email: row.email, name: row.name, role: row.role, created_at: row.created_at };
}

/** An admin invites someone: the setup link to pass on to them, shown once. */
export async function inviteFromAdmin(
  deps: Deps,
  adminId: number,
  input: { email: string; name: string; role: string },
): Promise<StaffResult<string>> {
  const email = input.email.trim();
  const name = input.name.trim();
  if (checkEmail(email) !== null) return { ok: false, problem: "email" };
  if (name.length === 0 || name.length > NAME_MAX) return { ok: false, problem: "name" };
  if (!STAFF_ROLES.includes(input.role as StaffRole)) return { ok: false, problem: "role" };
  try {
    const link = await inviteStaff(deps, { email, name, role: input.role, invitedBy: adminId });
    return { ok: true, value: link };
  } catch (error) {
    if (error instanceof StaffInputError) return { ok: false, problem: "email-taken" };
    throw error;
  }
}

type Trx = Transaction<Tables>;

/** Refuses a change an admin makes to themself, or one that would leave no admin who can sign in. */
async function guardChange(deps: Deps, trx: Trx, adminId: number, target: TargetRow) {
  if (target.id === adminId) return "self" as const;
  if (target.role !== "admin" || target.disabled_at || !target.password_hash) return null;
  // Every admin row is locked, so two admins removing each other at once cannot both succeed.
  const admins = await forUpdate(
    trx
      .selectFrom("staff_users")
      .select("id")
      .where("role", "=", "admin")
      .where("disabled_at", "is", null)
      .where("password_hash", "is not", null),
    deps.dialect,
  ).execute();
  return admins.length <= 1 ? ("last-admin" as const) : null;
}

async function changeAccount(
  deps: Deps,
  adminId: number,
  id: number,
  change: (trx: Trx, target: TargetRow) => Promise<{ action: string; before: unknown; after: unknown } | null>,
): Promise<StaffResult<null>> {
  return deps.db.transaction().execute(async (trx) => {
    const target = await forUpdate(
      trx.selectFrom("staff_users").select(["id", "role", "disabled_at", "password_hash"]).where("id", "=", id),
      deps.dialect,
    ).executeTakeFirst();
    if (!target) throw new NotFoundError();
    const problem = await guardChange(deps, trx, adminId, target);
    if (problem) return { ok: false, problem };
    const done = await change(trx, target);
    if (done) {
      await recordAudit(trx, { staffUserId: adminId, entity: "staff_user", entityId: id, ...done });
    }
    return { ok: true, value: null };
  });
}

interface TargetRow {
  id: number;
  role: StaffRole;
  disabled_at: string | null;
  password_hash: string | null;
}

export async function changeRole(deps: Deps, adminId: number, id: number, role: string): Promise<StaffResult<null>> {
  if (!STAFF_ROLES.includes(role as StaffRole)) return { ok: false, problem: "role" };
  return changeAccount(deps, adminId, id, async (trx, target) => {
    if (target.role === role) return null;
    await trx
      .updateTable("staff_users")
      .set({ role: role as StaffRole, updated_at: now() })
      .where("id", "=", id)
      .execute();
    return { action: "staff.role", before: { role: target.role }, after: { role } };
  });
}

/** Disables an account (every session ends with it) or enables it again. */
export async function setDisabled(
  deps: Deps,
  adminId: number,
  id: number,
  disabled: boolean,
): Promise<StaffResult<null>> {
  return changeAccount(deps, adminId, id, async (trx, target) => {
    if (Boolean(target.disabled_at) === disabled) return null;
    const at = now();
    await trx
      .updateTable("staff_users")
      .set({ disabled_at: disabled ? at : null, updated_at: at })
      .where("id", "=", id)
      .execute();
    if (disabled) await endAllSessions(trx, id);
    return {
      action: disabled ? "staff.disable" : "staff.enable",
      before: { disabled_at: target.disabled_at },
      after: { disabled_at: disabled ? at : null },
    };
  });
}

/**
 * For someone who lost their password or phone: the password, second factor and recovery
 * codes are cleared, their sessions end, earlier setup links stop working, and a new
 * three-day setup link is returned to pass on.
 */
export async function resetAccess(deps: Deps, adminId: number, id: number): Promise<StaffResult<string>> {
  let token = "";
  const result = await changeAccount(deps, adminId, id, async (trx) => {
    await trx
      .updateTable("staff_users")
      .set({
        password_hash: null,
        totp_secret: null,
        totp_last_step: null,
        recovery_codes: "[]",
        failed_logins: 0,
        locked_until: null,
        updated_at: now(),
      })
      .where("id", "=", id)
      .execute();
    await endAllSessions(trx, id);
    await trx.deleteFrom("staff_login_failures").where("staff_user_id", "=", id).execute();
    await trx.deleteFrom("tokens").where("purpose", "=", "staff-setup").where("subject_id", "=", id).execute();
    token = await issueToken(trx, "staff-setup", id);
    return { action: "staff.reset-access", before: null, after: { setup_link_issued: true } };
  });
  if (!result.ok) return result;
  return { ok: true, value: `${new URL("/admin/setup", deps.config.publicUrl)}?token=${token}` };
}
