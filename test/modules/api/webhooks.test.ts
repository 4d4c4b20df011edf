import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitWebhookEvent } from "../../../src/modules/api/webhook-events.ts";
import { sendDueWebhooks } from "../../../src/modules/api/webhook-sender.ts";
import { webhookUrlProblem } from "../../../src/modules/api/webhook-url.ts";
import { WEBHOOK_MAX_ATTEMPTS } from "../../../src/modules/api/webhooks.repo.ts";
import { createEndpoint, replayDelivery } from "../../../src/modules/api/webhooks.service.ts";
import { unsubscribe } from "../../../src/modules/community/unsubscribe.service.ts";
import { unsubscribeToken } from "../../../src/modules/community/unsubscribe-token.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { makeStaff } from "../admin/admin-helpers.ts";
import { joinAndConfirm, joiner, signInByEmail, submit } from "../community/community-helpers.ts";
import { addEvent, rsvpAndConfirm } from "../events/event-helpers.ts";
import {
  addCampaign,
  mailTo,
  pressConfirm,
  runJobs,
  sign,
  signer,
  tokenIn,
  uniqueSlug,
} from "../petitions/petition-helpers.ts";

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * Checks a delivery as a receiver following the Standard Webhooks specification would, written
 * here from the specification rather than with the sender's code: the HMAC-SHA256, keyed with
 * the base64-decoded part of the secret after "whsec_", of "id.timestamp.body", base64, after "v1,".
 */
function verifies(secret: string, received: Received): boolean {
  const id = received.headers["webhook-id"];
  const timestamp = received.headers["webhook-timestamp"];
  const signatures = received.headers["webhook-signature"];
  if (typeof id !== "string" || typeof timestamp !== "string" || typeof signatures !== "string") return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 5 * 60) return false;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${received.body}`).digest();
  return signatures.split(" ").some((entry) => {
    const [version, value] = entry.split(",");
    const given = Buffer.from(value ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describeEachDatabase("webhooks", (db) => {
  let t: TestApp;
  let server: Server;
  let base: string;
  let staffId: number;
  const received: Received[] = [];
  /** What /flaky answers next: "hang" never answers, a number is the status. */
  const flaky: ("hang" | number)[] = [];
  let downStatus = 500;

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    staffId = (await makeStaff(t, "admin")).id;
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        const path = request.url ?? "/";
        received.push({ path, headers: request.headers, body });
        const next = path === "/flaky" ? (flaky.shift() ?? 200) : path === "/down" ? downStatus : 200;
        if (next === "hang") return;
        response.writeHead(next, { "content-type": "text/plain" });
        response.end(next >= 500 ? `broken ${"x".repeat(5000)}` : "ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await t.app.close();
  });

  const register = async (path: string, events = ["signature.created"]) => {
    const result = await createEndpoint(t.deps, staffId, { url: `${base}${path}`, description: path, events });
    if (!result.ok) throw new Error(result.problems.join());
    // Endpoints of earlier tests stop, so each test sees its own deliveries only.
    await t.deps.db
      .updateTable("webhook_endpoints")
      .set({ disabled_at: new Date().toISOString() })
      .where("id", "!=", result.id)
      .execute();
    return result;
  };
  const deliveriesOf = (endpointId: number) =>
    t.deps.db.selectFrom("webhook_deliveries").selectAll().where("endpoint_id", "=", endpointId).execute();
  const at = (start: Date, hours: number) => new Date(start.getTime() + hours * 60 * 60 * 1000);

  it("sends a signature.created event, signed as Standard Webhooks says, with no personal data", async () => {
    const { id, secret } = await register("/ok");
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const slug = uniqueSlug("hook");
    await addCampaign(t.deps.db, slug);
    const person = signer({ name: "Nadia Karimi" });
    expect((await sign(t.app, slug, person)).statusCode).toBe(303);
    const events = await t.deps.db.selectFrom("webhook_events").select(["type"]).execute();
    expect(events.filter((e) => e.type === "signature.created")).toHaveLength(1);

    received.length = 0;
    await sendDueWebhooks(t.deps);
    expect(received).toHaveLength(1);
    const [delivery] = received as [Received];
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["webhook-id"]).toMatch(/^msg_/);
    expect(verifies(secret, delivery)).toBe(true);
    expect(verifies(secret, { ...delivery, body: delivery.body.replace("pending", "confirmed") })).toBe(false);
    const body = JSON.parse(delivery.body) as { type: string; data: Record<string, unknown> };
    expect(body).toMatchObject({ type: "signature.created", data: { petition: slug, status: "pending" } });
    expect(delivery.body).not.toContain(person.email);
    expect(delivery.body).not.toContain("Nadia");
    const [logged] = await deliveriesOf(id);
    expect(logged).toMatchObject({ state: "delivered", attempts: 1, response_status: 200, response_body: "ok" });
    // The secret is kept encrypted, never as it was shown.
    const stored = await t.deps.db
      .selectFrom("webhook_endpoints")
      .select("secret")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(secret.slice(6, 20));
  });

  it("retries a receiver that hangs, then fails, until it answers, with the same id each time", async () => {
    const { id, secret } = await register("/flaky");
    flaky.push("hang", 500, 200);
    const start = new Date();
    await emitWebhookEvent(t.deps.db, "signature.created", { signature_id: 1, petition: "x", status: "pending" });
    received.length = 0;

    await sendDueWebhooks(t.deps, { now: start, timeoutMs: 300 });
    let [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ state: "queued", attempts: 1, response_status: null });
    expect(row?.last_error).toMatch(/no answer within/);
    expect(row && row.next_attempt_at > start.toISOString()).toBe(true);

    // Nothing is sent again before its time.
    await sendDueWebhooks(t.deps, { now: start, timeoutMs: 300 });
    expect((await deliveriesOf(id))[0]?.attempts).toBe(1);

    await sendDueWebhooks(t.deps, { now: at(start, 1), timeoutMs: 300 });
    [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ state: "queued", attempts: 2, response_status: 500 });
    expect(row?.response_body).toHaveLength(1000);

    await sendDueWebhooks(t.deps, { now: at(start, 2), timeoutMs: 300 });
    [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ state: "delivered", attempts: 3, response_status: 200 });

    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(received.every((r) => verifies(secret, r))).toBe(true);
  });

  it("gives up after its last attempt, and sends again when replayed from the admin", async () => {
    const { id } = await register("/down");
    downStatus = 500;
    const start = new Date();
    await emitWebhookEvent(t.deps.db, "signature.created", { signature_id: 2, petition: "x", status: "pending" });
    for (let i = 0; i < WEBHOOK_MAX_ATTEMPTS; i++) await sendDueWebhooks(t.deps, { now: at(start, i * 8) });
    let [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ state: "failed", attempts: WEBHOOK_MAX_ATTEMPTS, response_status: 500 });
    await sendDueWebhooks(t.deps, { now: at(start, 200) });
    expect((await deliveriesOf(id))[0]?.attempts).toBe(WEBHOOK_MAX_ATTEMPTS);

    downStatus = 204;
    expect(await replayDelivery(t.deps, staffId, row?.id ?? 0)).toBe(true);
    await sendDueWebhooks(t.deps);
    [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ state: "delivered", response_status: 204 });
    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select(["action", "staff_user_id"])
      .where("action", "=", "webhook.replay")
      .execute();
    expect(audit).toEqual([{ action: "webhook.replay", staff_user_id: staffId }]);
  });

  it("records an event with each change it reports, holding ids only", async () => {
    await register("/ok", ["signature.confirmed", "supporter.subscribed", "supporter.unsubscribed", "rsvp.created"]);
    const payloads = async (type: string) =>
      (await t.deps.db.selectFrom("webhook_events").select("payload").where("type", "=", type).execute()).map(
        (e) => JSON.parse(e.payload).data as Record<string, unknown>,
      );
    const slug = uniqueSlug("events");
    await addCampaign(t.deps.db, slug);
    const person = signer({ updates: "yes" });
    await sign(t.app, slug, person);
    await runJobs(t.deps);
    expect((await pressConfirm(t.app, tokenIn((await mailTo(t.deps.db, person.email ?? "")).at(-1)))).statusCode).toBe(
      303,
    );
    expect(await payloads("signature.confirmed")).toContainEqual({ signature_id: expect.any(Number), petition: slug });
    // Its "keep me updated" consent, confirmed by the same button, subscribes them.
    const signed = await t.deps.db
      .selectFrom("supporters")
      .select("id")
      .where("email", "=", person.email ?? "")
      .executeTakeFirstOrThrow();
    expect(await payloads("supporter.subscribed")).toContainEqual({ person_id: signed.id });

    const member = await joinAndConfirm(t, joiner({ updates: "yes" }));
    expect(await payloads("supporter.subscribed")).toContainEqual({ person_id: member?.id });
    expect(await unsubscribe(t.deps, unsubscribeToken(t.deps.config.secretKey, member), "one-click")).toBe(true);
    // Unsubscribing twice is one change, and one event.
    await unsubscribe(t.deps, unsubscribeToken(t.deps.config.secretKey, member), "one-click");
    expect((await payloads("supporter.unsubscribed")).filter((d) => d.person_id === member?.id)).toHaveLength(1);

    // The same through their preferences: emails turned on, then off.
    const manage = { manage: await signInByEmail(t, String(member?.email)) };
    const save = (emails: string) =>
      submit(t.app, "/preferences", "/preferences", { language: "en", topics: [], emails }, manage);
    expect((await save("yes")).statusCode).toBe(303);
    expect((await payloads("supporter.subscribed")).filter((d) => d.person_id === member?.id)).toHaveLength(2);
    expect((await save("")).statusCode).toBe(303);
    expect((await payloads("supporter.unsubscribed")).filter((d) => d.person_id === member?.id)).toHaveLength(2);

    const event = await addEvent(t.deps.db);
    await rsvpAndConfirm(t, event.slug);
    expect(await payloads("rsvp.created")).toContainEqual({
      attendance_id: expect.any(Number),
      event_id: event.id,
      status: "going",
    });
    const everything = JSON.stringify(await t.deps.db.selectFrom("webhook_events").select("payload").execute());
    expect(everything).not.toContain("@example.org");
  });

  it("keeps no event that no endpoint wants", async () => {
    await register("/ok", ["rsvp.created"]);
    await emitWebhookEvent(t.deps.db, "supporter.unsubscribed", { person_id: 4 });
    await sendDueWebhooks(t.deps);
    const left = await t.deps.db.selectFrom("webhook_events").select("id").where("dispatched_at", "is", null).execute();
    expect(left).toEqual([]);
    expect(
      await t.deps.db.selectFrom("webhook_events").select("id").where("payload", "like", '%"person_id":4%').execute(),
    ).toEqual([]);
  });

  it("sends an endpoint only the events it chose", async () => {
    const { id } = await register("/ok", ["supporter.unsubscribed"]);
    await emitWebhookEvent(t.deps.db, "signature.created", { signature_id: 3, petition: "x", status: "pending" });
    await emitWebhookEvent(t.deps.db, "supporter.unsubscribed", { person_id: 3 });
    await sendDueWebhooks(t.deps);
    const rows = await t.deps.db
      .selectFrom("webhook_deliveries as d")
      .innerJoin("webhook_events as e", "e.id", "d.event_id")
      .select("e.type")
      .where("d.endpoint_id", "=", id)
      .execute();
    expect(rows).toEqual([{ type: "supporter.unsubscribed" }]);
  });
});

describe("where webhooks may go", () => {
  const resolve = (addresses: string[]) => async () => addresses;

  it("in production: https only, and never to this machine or a private network", async () => {
    expect(await webhookUrlProblem("http://crm.example.org/hook", true, resolve(["93.184.216.34"]))).toBe("https");
    expect(await webhookUrlProblem("https://crm.example.org/hook", true, resolve(["93.184.216.34"]))).toBeNull();
    expect(await webhookUrlProblem("https://127.0.0.1/hook", true)).toBe("private");
    expect(await webhookUrlProblem("https://[::1]/hook", true)).toBe("private");
    expect(await webhookUrlProblem("https://[::ffff:127.0.0.1]/hook", true)).toBe("private");
    expect(await webhookUrlProblem("https://[::ffff:93.184.216.34]/hook", true)).toBeNull();
    for (const address of [
      "10.1.2.3",
      "192.168.0.10",
      "172.20.0.1",
      "169.254.169.254",
      "fd00::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(await webhookUrlProblem("https://inside.example.org/", true, resolve([address])), address).toBe("private");
    }
    // One private address among public ones is enough to refuse.
    expect(await webhookUrlProblem("https://mixed.example.org/", true, resolve(["93.184.216.34", "10.0.0.1"]))).toBe(
      "private",
    );
    expect(await webhookUrlProblem("https://user:pass@crm.example.org/", true)).toBe("url");
    expect(await webhookUrlProblem("ftp://crm.example.org/", true)).toBe("url");
    expect(await webhookUrlProblem("not a url", true)).toBe("url");
  });

  it("in development and tests: http to this machine too, but nowhere else", async () => {
    expect(await webhookUrlProblem("http://127.0.0.1:4000/hook", false)).toBeNull();
    expect(await webhookUrlProblem("http://localhost:4000/hook", false)).toBeNull();
    expect(await webhookUrlProblem("http://crm.example.org/hook", false)).toBe("https");
  });
});
