import type { Deps } from "../../deps.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";
import { consumeToken, inspectToken } from "../tokens/tokens.ts";

/** The email with a link to manage one's data, by its kind in the mail outbox. */
export const MAIL_MANAGE_LINK = "manage-link";

/** Where a manage link leads once followed. */
export type ManageTarget = "preferences" | "your-data";

export function isManageTarget(value: unknown): value is ManageTarget {
  return value === "preferences" || value === "your-data";
}

/**
 * Emails a link to manage one's data to an address, if a supporter has it. The answer is
 * the same either way, and at most one such email goes out every ten minutes per address.
 */
export async function requestManageLink(deps: Deps, email: unknown, target: ManageTarget): Promise<void> {
  if (typeof email !== "string" || checkEmail(email) !== null) return;
  const supporter = await deps.db
    .selectFrom("supporters")
    .select("id")
    .where("email_canonical", "=", canonicalEmail(email))
    .where("erased_at", "is", null)
    .executeTakeFirst();
  if (!supporter) return;
  const period = Math.floor(Date.now() / 600_000);
  await queueMail(deps.db, {
    kind: MAIL_MANAGE_LINK,
    params: { supporterId: supporter.id, target },
    idempotencyKey: `manage:${supporter.id}:${target}:${period}`,
    supporterId: supporter.id,
  });
  deps.wakeWorker();
}

/** Whether a manage link still works, without using it (opening it changes nothing). */
export async function isManageLinkValid(deps: Deps, token: unknown): Promise<boolean> {
  return (await inspectToken(deps.db, "manage", token)).state === "valid";
}

/** Uses the link once; the supporter it was for, or null. */
export async function useManageLink(deps: Deps, token: unknown): Promise<number | null> {
  const used = await consumeToken(deps.db, "manage", token);
  return used.state === "valid" ? used.subjectId : null;
}
