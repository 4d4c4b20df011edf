import { now } from "../../db/portable.ts";
import type { StaffRole } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { asLocale } from "../i18n/locales.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";
import { consumeToken, inspectToken, issueToken } from "../tokens/tokens.ts";
import { recordAudit } from "./audit.repo.ts";
import {
  decryptTotpSecret,
  encryptTotpSecret,
  hashPassword,
  newRecoveryCodes,
  newTotpSecret,
  passwordProblem,
  totpStep,
} from "./credentials.ts";

export const STAFF_ROLES: readonly StaffRole[] = ["admin", "campaigner", "moderator"];

export class StaffInputError extends Error {}

/**
 * Invites a member of staff: their account exists at once, without a password, and the
 * returned link (valid three days) lets them choose one and set up their second factor.
 */
export async function inviteStaff(
  deps: Deps,
  invite: { email: string; name?: string; role: string; locale?: string; invitedBy: number | null },
): Promise<string> {
  if (checkEmail(invite.email) !== null) throw new StaffInputError("invalid email");
  if (!STAFF_ROLES.includes(invite.role as StaffRole))
    throw new StaffInputError(`role must be one of ${STAFF_ROLES.join(", ")}`);
  const email = canonicalEmail(invite.email);
  const locale = asLocale(invite.locale);
  const token = await deps.db.transaction().execute(async (trx) => {
    const at = now();
    const existing = await trx.selectFrom("staff_users").select("id").where("email", "=", email).executeTakeFirst();
    if (existing) throw new StaffInputError("a member of staff has this email already");
    const { id } = await trx
      .insertInto("staff_users")
      .values({
        email,
        name: invite.name?.trim() || email.split("@")[0] || email,
        role: invite.role as StaffRole,
        locale,
        password_hash: null,
        totp_secret: null,
        locked_until: null,
        disabled_at: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      staffUserId: invite.invitedBy,
      action: "staff.invite",
      entity: "staff_user",
      entityId: id,
      after: { email, role: invite.role },
    });
    return issueToken(trx, "staff-setup", id);
  });
  return `${new URL("/admin/setup", deps.config.publicUrl)}?token=${token}`;
}

/** The invitation a setup link is for, with the second-factor secret to show (made on first view). */
export async function prepareSetup(deps: Deps, token: unknown) {
  const seen = await inspectToken(deps.db, "staff-setup", token);
  if (seen.state !== "valid") return null;
  const user = await deps.db
    .selectFrom("staff_users")
    .select(["id", "email", "totp_secret", "password_hash"])
    .where("id", "=", seen.subjectId)
    .executeTakeFirst();
  if (!user || user.password_hash) return null;
  let secret = user.totp_secret ? decryptTotpSecret(deps.config.secretKey, user.totp_secret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await deps.db
      .updateTable("staff_users")
      .set({ totp_secret: encryptTotpSecret(deps.config.secretKey, secret), updated_at: now() })
      .where("id", "=", user.id)
      .execute();
  }
  return { email: user.email, secret };
}

export type SetupProblem = "password-short" | "password-long" | "password-mismatch" | "code";

/** Finishes an invitation: sets the password, checks the first code, and gives the recovery codes (once). */
export async function completeSetup(
  deps: Deps,
  input: { token: unknown; password: string; confirm: string; code: string },
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; problems: SetupProblem[] } | null> {
  const prepared = await prepareSetup(deps, input.token);
  if (!prepared) return null;
  const problems: SetupProblem[] = [];
  const weak = passwordProblem(input.password);
  if (weak) problems.push(weak === "too-short" ? "password-short" : "password-long");
  else if (input.password !== input.confirm) problems.push("password-mismatch");
  if (totpStep(prepared.secret, input.code) === null) problems.push("code");
  if (problems.length > 0) return { ok: false, problems };
  const { codes, hashes } = newRecoveryCodes();
  const passwordHash = await hashPassword(input.password);
  const done = await deps.db.transaction().execute(async (trx) => {
    const used = await consumeToken(trx, "staff-setup", input.token);
    if (used.state !== "valid") return false;
    await trx
      .updateTable("staff_users")
      .set({ password_hash: passwordHash, recovery_codes: JSON.stringify(hashes), updated_at: now() })
      .where("id", "=", used.subjectId)
      .execute();
    await recordAudit(trx, {
      staffUserId: used.subjectId,
      action: "staff.setup",
      entity: "staff_user",
      entityId: used.subjectId,
    });
    return true;
  });
  return done ? { ok: true, recoveryCodes: codes } : null;
}
