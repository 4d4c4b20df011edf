import type { HoldReason } from "../../db/tables.ts";
import type { Verdict } from "./rules.ts";

/**
 * Whether a signature is held back, and why: the form's own checks first (a bot is a bot,
 * wherever it signs from); then the block lists, unless an allow list entry covers the
 * signer's network or email domain (an allow entry wins over a block entry).
 */
export function heldBecause(
  request: { formCheck?: HoldReason | null; network?: Verdict },
  emailDomain: Verdict,
): HoldReason | null {
  if (request.formCheck) return request.formCheck;
  if (request.network === "allow" || emailDomain === "allow") return null;
  return request.network === "block" || emailDomain === "block" ? "blocked" : null;
}
