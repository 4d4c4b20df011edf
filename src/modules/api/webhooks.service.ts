import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { WEBHOOK_EVENT_TYPES } from "./webhook-events.ts";
import { encryptSecret, newWebhookSecret } from "./webhook-signature.ts";
import { type UrlProblem, webhookUrlProblem } from "./webhook-url.ts";
import {
  disableEndpoint,
  findEndpoint,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  requeueDelivery,
} from "./webhooks.repo.ts";

export type EndpointProblem = UrlProblem | "description" | "events";

export interface EndpointInput {
  url: string;
  description: string;
  events: string[];
}

export const ENDPOINT_DESCRIPTION_MAX = 200;

/** The webhooks page: endpoints and the newest deliveries. */
export async function getWebhooksOverview(deps: Deps) {
  const [endpoints, deliveries] = await Promise.all([listEndpoints(deps.db), listDeliveries(deps.db)]);
  return { endpoints, deliveries };
}

/**
 * Registers an endpoint and makes its signing secret, returned once (it is kept encrypted,
 * as it must be read to sign). The URL is checked as deliveries check it. Audited.
 */
export async function createEndpoint(
  deps: Deps,
  staffUserId: number,
  input: EndpointInput,
  now = new Date(),
): Promise<{ ok: true; id: number; secret: string } | { ok: false; problems: EndpointProblem[] }> {
  const problems: EndpointProblem[] = [];
  const url = input.url.trim();
  const urlProblem = await webhookUrlProblem(url, deps.config.nodeEnv === "production");
  if (urlProblem) problems.push(urlProblem);
  const description = input.description.trim();
  if (description.length > ENDPOINT_DESCRIPTION_MAX) problems.push("description");
  const events = WEBHOOK_EVENT_TYPES.filter((e) => input.events.includes(e));
  if (events.length === 0 || events.length !== new Set(input.events).size) problems.push("events");
  if (problems.length > 0) return { ok: false, problems };
  const secret = newWebhookSecret();
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertEndpoint(trx, {
      url,
      description,
      events: events.join(" "),
      secret: encryptSecret(deps.config.secretKey, secret),
      createdBy: staffUserId,
      now: now.toISOString(),
    });
    await recordAudit(trx, {
      staffUserId,
      action: "webhook.create",
      entity: "webhook_endpoints",
      entityId: id,
      after: { url, description, events },
    });
    return id;
  });
  return { ok: true, id, secret };
}

/** Stops sending to an endpoint (its log stays). Audited; false when it was stopped already. */
export async function disableWebhook(deps: Deps, staffUserId: number, id: number, now = new Date()): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await findEndpoint(trx, id);
    if (!before || !(await disableEndpoint(trx, id, now.toISOString()))) return false;
    await recordAudit(trx, {
      staffUserId,
      action: "webhook.disable",
      entity: "webhook_endpoints",
      entityId: id,
      before: { url: before.url, disabled_at: null },
      after: { disabled_at: now.toISOString() },
    });
    return true;
  });
}

/** Sends a delivery again, with the same webhook-id (receivers may recognise it). Audited. */
export async function replayDelivery(deps: Deps, staffUserId: number, id: number, now = new Date()): Promise<boolean> {
  const replayed = await deps.db.transaction().execute(async (trx) => {
    const row = await requeueDelivery(trx, id, now);
    if (!row) return false;
    await recordAudit(trx, {
      staffUserId,
      action: "webhook.replay",
      entity: "webhook_deliveries",
      entityId: id,
      before: { attempts: row.attempts, response_status: row.response_status },
      after: { state: "queued" },
    });
    return true;
  });
  if (replayed) deps.wakeWorker();
  return replayed;
}
