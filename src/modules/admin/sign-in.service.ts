import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { canonicalEmail } from "../supporters/email.ts";
import { recordAudit } from "./audit.repo.ts";
import { checkPassword, decryptTotpSecret, hashRecoveryCode, totpStep } from "./credentials.ts";
import { startSession } from "./sessions.ts";

/** After this many wrong tries in a row from one network, the account is locked there for LOCK_MS. */
export const MAX_FAILED_LOGINS = 5;
/**
 * After this many wrong tries in a row from anywhere, it is locked everywhere: someone is
 * guessing from many networks. High enough that one stranger cannot lock its owner out.
 */
export const MAX_FAILED_LOGINS_ANYWHERE = 25;
export const LOCK_MS = 15 * 60 * 1000;

/**
 * Signs a member of staff in with email, password and a code from their app (each code good
 * once) or a recovery code (used up). Every failure looks the same. Returns the new
 * session's cookie value. `network` is the keyed hash of the network the try came from.
 */
export async function logIn(
  deps: Deps,
  input: { email: string; password: string; code: string; network: string },
): Promise<string | null> {
  const email = canonicalEmail(input.email);
  const user = await deps.db.selectFrom("staff_users").selectAll().where("email", "=", email).executeTakeFirst();
  // A wrong email costs the same time as a wrong password, so timing tells nothing either.
  const passwordOk = await checkPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user?.password_hash || user.disabled_at) return null;
  if (await isLocked(deps, user, input.network)) return null;
  const secret = user.totp_secret ? decryptTotpSecret(deps.config.secretKey, user.totp_secret) : null;
  const step = secret === null ? null : totpStep(secret, input.code);
  const totpOk = step !== null && (user.totp_last_step === null || step > user.totp_last_step);
  const recovery = JSON.parse(user.recovery_codes) as string[];
  const codeHash = hashRecoveryCode(input.code);
  const recoveryOk = !totpOk && recovery.includes(codeHash);
  if (!passwordOk || !(totpOk || recoveryOk)) {
    await recordFailure(deps, user.id, input.network);
    return null;
  }
  return deps.db.transaction().execute(async (trx) => {
    // Only if codes and step are still as read: of two sign-ins racing with one code, one wins.
    const updated = await trx
      .updateTable("staff_users")
      .set({
        failed_logins: 0,
        locked_until: null,
        recovery_codes: JSON.stringify(recoveryOk ? recovery.filter((h) => h !== codeHash) : recovery),
        totp_last_step: totpOk ? step : user.totp_last_step,
        updated_at: now(),
      })
      .where("id", "=", user.id)
      .where("recovery_codes", "=", user.recovery_codes)
      .where((eb) =>
        user.totp_last_step === null
          ? eb("totp_last_step", "is", null)
          : eb("totp_last_step", "=", user.totp_last_step),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return null;
    await trx.deleteFrom("staff_login_failures").where("staff_user_id", "=", user.id).execute();
    await recordAudit(trx, {
      staffUserId: user.id,
      action: recoveryOk ? "staff.login-recovery-code" : "staff.login",
      entity: "staff_user",
      entityId: user.id,
    });
    return startSession(trx, user.id);
  });
}

async function isLocked(deps: Deps, user: { id: number; locked_until: string | null }, network: string) {
  const at = now();
  if (user.locked_until && user.locked_until > at) return true;
  const here = await deps.db
    .selectFrom("staff_login_failures")
    .select("locked_until")
    .where("staff_user_id", "=", user.id)
    .where("network_hash", "=", network)
    .executeTakeFirst();
  return Boolean(here?.locked_until && here.locked_until > at);
}

/** Counts a failed try from this network and everywhere, each in one statement, and locks at the limits. */
async function recordFailure(deps: Deps, staffUserId: number, network: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const at = now();
    const lockedUntil = new Date(Date.now() + LOCK_MS).toISOString();
    const here = await trx
      .insertInto("staff_login_failures")
      .values({ staff_user_id: staffUserId, network_hash: network, failures: 1, locked_until: null, updated_at: at })
      .onConflict((oc) =>
        oc.columns(["staff_user_id", "network_hash"]).doUpdateSet((eb) => ({
          failures: eb("staff_login_failures.failures", "+", 1),
          updated_at: at,
        })),
      )
      .returning("failures")
      .executeTakeFirstOrThrow();
    if (here.failures >= MAX_FAILED_LOGINS) {
      await trx
        .updateTable("staff_login_failures")
        .set({ failures: 0, locked_until: lockedUntil, updated_at: at })
        .where("staff_user_id", "=", staffUserId)
        .where("network_hash", "=", network)
        .execute();
    }
    const everywhere = await trx
      .updateTable("staff_users")
      .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1), updated_at: at }))
      .where("id", "=", staffUserId)
      .returning("failed_logins")
      .executeTakeFirstOrThrow();
    if (everywhere.failed_logins >= MAX_FAILED_LOGINS_ANYWHERE) {
      await trx
        .updateTable("staff_users")
        .set({ failed_logins: 0, locked_until: lockedUntil })
        .where("id", "=", staffUserId)
        .execute();
    }
    await recordAudit(trx, {
      staffUserId,
      action: "staff.login-failed",
      entity: "staff_user",
      entityId: staffUserId,
    });
  });
}

// An argon2id hash of a random string: checked against when the email is unknown.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Y2zMIv6I+3VJ8w1H0cIzEiNyg1Vh4W8G3k+bLw9s1dI";
