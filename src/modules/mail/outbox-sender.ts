import type { Deps } from "../../deps.ts";
import { withoutAddresses } from "../../jobs/jobs.repo.ts";
import { maskAddress } from "./address-mask.ts";
import type { MailKind } from "./mail-kinds.ts";
import {
  type ClaimedMail,
  claimMail,
  type MailMetadata,
  markMailAttemptFailed,
  markMailCancelled,
  markMailSent,
} from "./outbox.repo.ts";
import { isSuppressed } from "./suppressions.repo.ts";

export interface SenderLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SendOptions {
  /** The clock: tests pass their own instead of waiting. */
  now?: Date;
  /** Messages taken at once (and sent side by side). */
  batchSize?: number;
  /**
   * How long a claimed message stays this worker's before another may take it over. Longer
   * than the SMTP timeouts (mailer.ts), so a slow send is never taken over while it runs.
   */
  leaseMs?: number;
  log?: SenderLog;
  /** 0 ≤ r < 1 for the jitter; Math.random unless a test fixes it. */
  random?: () => number;
}

export const DEFAULT_LEASE_MS = 5 * 60 * 1000;
const DEFAULT_BATCH = 10;

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60 * 1000;

/**
 * When to try again after the attempt-th failure: 30 s, 1 min, 2 min … doubling up to an
 * hour, less a random part of up to half ("equal jitter"), so a mail server back after an
 * outage is not met by every message at the same second.
 */
export function mailRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempt - 1, 0), MAX_RETRY_MS);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** The domain of the sender's address: Message-IDs are made under it. */
function messageIdDomain(deps: Deps): string {
  return /@([^\s>]+)/.exec(deps.config.mailFrom)?.[1] ?? deps.config.publicUrl.hostname;
}

/** The same for every attempt of one message, so a copy sent twice is seen as one. */
export function messageIdOf(deps: Deps, message: { message_id: string }): string {
  return `<${message.message_id}@${messageIdDomain(deps)}>`;
}

async function sendOne(
  deps: Deps,
  kinds: Record<string, MailKind>,
  message: ClaimedMail,
  options: Required<Pick<SendOptions, "log" | "random">> & { now: Date },
): Promise<"sent" | "cancelled" | "failed"> {
  const kind = kinds[message.kind];
  let meta: MailMetadata | null = null;
  try {
    if (!kind) throw new Error(`no composer for mail "${message.kind}"`);
    const mail = await kind.compose(deps, JSON.parse(message.params));
    // Nothing goes to an address on the suppression list (a hard bounce or a complaint).
    if (!mail || (await isSuppressed(deps.db, deps.config.secretKey, mail.to))) {
      await markMailCancelled(deps.db, message, options.now);
      return "cancelled";
    }
    meta = { subject: mail.subject, recipientMasked: message.supporter_id === null ? null : maskAddress(mail.to) };
    await deps.mailer.send({ ...mail, messageId: messageIdOf(deps, message) });
    await markMailSent(deps.db, message, meta, options.now);
    return "sent";
  } catch (error) {
    const text = withoutAddresses(error instanceof Error ? error.message : String(error));
    const retryAt =
      message.attempts < message.max_attempts
        ? new Date(options.now.getTime() + mailRetryDelayMs(message.attempts, options.random))
        : null;
    // Called as methods: a logger such as pino needs its `this`.
    const entry = { mail: message.kind, id: message.id, attempt: message.attempts, err: text };
    if (retryAt) options.log.warn(entry, "email not sent; will try again");
    else options.log.error(entry, "email not sent; given up");
    await markMailAttemptFailed(deps.db, message, {
      error: text,
      retryAt,
      personal: kind?.personal === true,
      meta,
      now: options.now,
    });
    return "failed";
  }
}

/**
 * A batch split so that messages to one supporter go one after another, in the order they
 * were queued (a confirmation before the welcome it leads to), and the rest side by side.
 */
function lanesOf(batch: ClaimedMail[]): ClaimedMail[][] {
  const lanes = new Map<string, ClaimedMail[]>();
  for (const message of [...batch].sort((a, b) => a.id - b.id)) {
    const lane = message.supporter_id === null ? `message:${message.id}` : `supporter:${message.supporter_id}`;
    lanes.set(lane, [...(lanes.get(lane) ?? []), message]);
  }
  return [...lanes.values()];
}

const SILENT: SenderLog = { error: () => {}, warn: () => {} };

/**
 * One pass of the sender: claims the messages due at `now`, a batch at a time, writes and
 * sends each, and records what happened. Returns how many it tried.
 */
export async function sendDueMail(
  deps: Deps,
  kinds: Record<string, MailKind>,
  options: SendOptions = {},
): Promise<number> {
  const { batchSize = DEFAULT_BATCH, leaseMs = DEFAULT_LEASE_MS, log = SILENT, random = Math.random } = options;
  let tried = 0;
  for (;;) {
    const now = options.now ?? new Date();
    const batch = await claimMail(deps.db, deps.dialect, { limit: batchSize, leaseMs, now });
    if (batch.length === 0) return tried;
    const claimedAt = Date.now();
    await Promise.all(
      lanesOf(batch).map(async (lane) => {
        for (const message of lane) {
          // A lane slowed down by a slow mail server stops well before the lease runs out:
          // the rest is taken up again then, rather than sent while another worker may.
          if (Date.now() - claimedAt > leaseMs / 2) return;
          await sendOne(deps, kinds, message, { log, random, now });
        }
      }),
    );
    tried += batch.length;
  }
}
