import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, postForm, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";

const MAILBOX_CLEAR_LIMIT = 30;
const redisUrl = process.env.TEST_REDIS_URL;

/** A secret of its own gives this run's clients keys no other run shares. */
const freshSecret = () => randomBytes(24).toString("base64url");

describeEachDatabase("rate limits", (db) => {
  describe("on one instance", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(db().handle, { SECRET_KEY: freshSecret() });
    });
    afterAll(async () => t.app.close());

    it("refuses a client over the limit with the site's own 429 page", async () => {
      // The mailbox shows its form only when it holds mail, so each round sends one first.
      for (let i = 0; i < MAILBOX_CLEAR_LIMIT; i++) {
        await t.deps.mailer.send({ to: "a@example.org", subject: "s", text: "t" });
        expect((await postForm(t.app, "/dev/mailbox", "/dev/mailbox/clear")).statusCode).toBe(303);
      }
      await t.deps.mailer.send({ to: "a@example.org", subject: "s", text: "t" });
      const refused = await postForm(t.app, "/dev/mailbox", "/dev/mailbox/clear");
      expect(refused.statusCode).toBe(429);
      expect(refused.body).toContain("Too many requests");
      expect(refused.headers["retry-after"]).toBeDefined();
    });
  });

  describe("with RATE_LIMITS=off", () => {
    it("lets every request through", async () => {
      const t = await buildTestApp(db().handle, { SECRET_KEY: freshSecret(), RATE_LIMITS: "off" });
      for (let i = 0; i < MAILBOX_CLEAR_LIMIT + 5; i++) {
        await t.deps.mailer.send({ to: "a@example.org", subject: "s", text: "t" });
        expect((await postForm(t.app, "/dev/mailbox", "/dev/mailbox/clear")).statusCode).toBe(303);
      }
      await t.app.close();
    });
  });

  describe.runIf(redisUrl)("across instances sharing Redis", () => {
    it("counts one client's requests to both instances together", async () => {
      const env = { SECRET_KEY: freshSecret(), REDIS_URL: redisUrl ?? "" };
      const [a, b] = [await buildTestApp(db().handle, env), await buildTestApp(db().handle, env)];
      await a.deps.mailer.send({ to: "a@example.org", subject: "s", text: "t" });
      for (let i = 0; i < MAILBOX_CLEAR_LIMIT; i++) {
        const instance = i % 2 === 0 ? a : b;
        await instance.deps.mailer.send({ to: "a@example.org", subject: "s", text: "t" });
        expect((await postForm(instance.app, "/dev/mailbox", "/dev/mailbox/clear")).statusCode).toBe(303);
      }
      await b.deps.mailer.send({ to: "a@example.org", subject: "s", text: "t" });
      expect((await postForm(b.app, "/dev/mailbox", "/dev/mailbox/clear")).statusCode).toBe(429);
      await a.app.close();
      await b.app.close();
    });
  });
});
