import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";

describeEachDatabase("health checks", (db) => {
  describe("with the database up", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(db().handle);
    });
    afterAll(async () => t.app.close());

    it("says the process is alive at /healthz, and that the answer must not be cached", async () => {
      const res = await t.app.inject("/healthz");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: "ok" });
      expect(res.headers["cache-control"]).toBe("no-store");
    });

    it("says it is ready at /readyz when the database answers", async () => {
      const res = await t.app.inject("/readyz");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: "ok", database: "ok" });
      expect(res.headers["cache-control"]).toBe("no-store");
    });
  });

  describe("with the database gone", () => {
    let t: TestApp;
    beforeAll(async () => {
      // A connection of its own, so that closing it leaves the other tests' connection alone.
      const handle = db().open();
      t = await buildTestApp(handle);
      await t.app.ready();
      await handle.close();
    });
    afterAll(async () => t.app.close());

    it("answers /readyz with 503, so that a load balancer stops sending traffic", async () => {
      const res = await t.app.inject("/readyz");
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: "unavailable", database: "unreachable" });
    });

    it("still answers /healthz with 200: the process itself is fine", async () => {
      const res = await t.app.inject("/healthz");
      expect(res.statusCode).toBe(200);
    });

    it("answers /readyz with 503 too when the connection had been in use before it went", async () => {
      const handle = db().open();
      const used = await buildTestApp(handle);
      try {
        expect((await used.app.inject("/campaigns")).statusCode).toBe(200);
        expect((await used.app.inject("/readyz")).statusCode).toBe(200);
        await handle.close();
        expect((await used.app.inject("/readyz")).statusCode).toBe(503);
      } finally {
        await used.app.close();
      }
    });

    it("shows the server-error page, not a crash, for a page that needs the database", async () => {
      const res = await t.app.inject("/campaigns");
      expect(res.statusCode).toBe(500);
      expect(res.body).toContain("Sorry, something went wrong on our side");
    });
  });
});
