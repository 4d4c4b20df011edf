import type { Deps } from "../../deps.ts";
import { type Poller, startPoller } from "../../jobs/poller.ts";
import { decryptSecret, signWebhook } from "./webhook-signature.ts";
import { webhookUrlProblem } from "./webhook-url.ts";
import {
  type ClaimedDelivery,
  claimDeliveries,
  dispatchEvents,
  pruneWebhookEvents,
  RESPONSE_BODY_LIMIT,
  recordAttempt,
} from "./webhooks.repo.ts";

/** The longest a receiver may take to answer before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** 30 s, 1 min, 2 min … up to 6 hours, with jitter. */
export function webhookRetryDelayMs(attempt: number): number {
  const base = Math.min(30_000 * 2 ** (attempt - 1), 6 * 60 * 60 * 1000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export interface SendOptions {
  now?: Date;
  timeoutMs?: number;
  log?: WebhookLog;
}

/** Reads at most `limit` characters of an answer and lets go of the rest. */
async function readSome(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.slice(0, limit);
}

/** One attempt: signed as the Standard Webhooks specification says, bounded in time, never following a redirect. */
async function attempt(deps: Deps, delivery: ClaimedDelivery, timeoutMs: number) {
  const production = deps.config.nodeEnv === "production";
  const urlProblem = await webhookUrlProblem(delivery.url, production);
  if (urlProblem) return { delivered: false, status: null, body: null, error: `refused: ${urlProblem} address` };
  const secret = decryptSecret(deps.config.secretKey, delivery.secret);
  if (!secret) return { delivered: false, status: null, body: null, error: "the endpoint's secret cannot be read" };
  // The time of sending, whatever clock the pass was given: receivers check it against theirs.
  const timestamp = Math.floor(Date.now() / 1000);
  const body = delivery.payload;
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "iwelcome-webhooks/1",
        "webhook-id": delivery.message_id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(secret, delivery.message_id, timestamp, body),
      },
      body,
    });
    const text = await readSome(response, RESPONSE_BODY_LIMIT).catch(() => "");
    const delivered = response.status >= 200 && response.status < 300;
    return { delivered, status: response.status, body: text, error: delivered ? null : `HTTP ${response.status}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message = name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : "could not connect";
    return { delivered: false, status: null, body: null, error: message };
  }
}

/**
 * One pass: dispatches new events to the endpoints subscribed to them, then sends what is
 * due, each failure queued again with backoff until its last attempt. Returns how many
 * events and deliveries it handled.
 */
export async function sendDueWebhooks(deps: Deps, options: SendOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  let done = await dispatchEvents(deps.db, deps.dialect, now);
  const claimed = await claimDeliveries(deps.db, deps.dialect, { limit: 20, leaseMs: timeoutMs * 3 + 30_000, now });
  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await attempt(deps, delivery, timeoutMs);
      const retryAt =
        outcome.delivered || delivery.attempts >= delivery.max_attempts
          ? null
          : new Date(now.getTime() + webhookRetryDelayMs(delivery.attempts));
      if (!outcome.delivered) {
        options.log?.warn({ delivery: delivery.id, attempt: delivery.attempts, err: outcome.error }, "webhook failed");
      }
      await recordAttempt(deps.db, delivery, { ...outcome, retryAt, now: new Date() });
    }),
  );
  done += claimed.length;
  if (now.getUTCMinutes() === 0) await pruneWebhookEvents(deps.db, now);
  return done;
}

export type WebhookSender = Poller<SendOptions>;

/** Polls for events and due deliveries beside the job worker and the mail sender. */
export function startWebhookSender(deps: Deps, options: { pollMs?: number; log?: WebhookLog } = {}): WebhookSender {
  const { pollMs = 1000, log } = options;
  return startPoller(
    "webhook sender",
    (o: SendOptions = {}) => sendDueWebhooks(deps, { ...(log ? { log } : {}), ...o }),
    { pollMs, log, untilEmpty: true },
  );
}
