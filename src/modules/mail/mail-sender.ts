import type { Deps } from "../../deps.ts";
import { type Poller, startPoller } from "../../jobs/poller.ts";
import type { MailKind } from "./mail-kinds.ts";
import { type SenderLog, sendDueMail } from "./outbox-sender.ts";

/** `drain` sends what is due until nothing is left (one pass claims batch after batch). */
export type MailSender = Poller;

/**
 * Polls the outbox and sends what is due. Runs beside the job worker, inside `npm start`
 * or alone in `npm run worker`; any number of them may run against one PostgreSQL.
 */
export function startMailSender(
  deps: Deps,
  kinds: Record<string, MailKind>,
  options: { pollMs?: number; log?: SenderLog } = {},
): MailSender {
  const { pollMs = 500, log } = options;
  return startPoller("mail sender", () => sendDueMail(deps, kinds, log ? { log } : {}), { pollMs, log });
}
