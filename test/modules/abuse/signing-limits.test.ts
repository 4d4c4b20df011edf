import { randomBytes } from "node:crypto";
import Fastify from "fastify";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extraLimit, quietLimit, registerRateLimits } from "../../../src/http/rate-limit.ts";
import { SIGN_LIMITS } from "../../../src/modules/petitions/sign-limits.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, countOf, newEmail, signaturesOf, signer, uniqueSlug } from "../petitions/petition-helpers.ts";
import { signFrom } from "./abuse-helpers.ts";

const redisUrl = process.env.TEST_REDIS_URL;
/** A secret of its own gives this run's clients keys no other run shares (in Redis too). */
const freshSecret = () => randomBytes(24).toString("base64url");

const codeIn = (location: unknown) => /code=([A-Za-z0-9_-]{10})/.exec(String(location))?.[1];

describe("a second limit on a route, and a quiet one", () => {
  async function tinyApp(redis?: Redis) {
    const app = Fastify();
    await registerRateLimits(app, { enabled: true, secretKey: freshSecret(), ...(redis ? { redis } : {}) });
    const prefix = randomBytes(6).toString("hex");
    const quiet = quietLimit(app, { max: 2, timeWindow: "1 hour" });
    app.post(
      "/burst-and-sustained",
      {
        config: { rateLimit: { max: 5, timeWindow: "1 minute" } },
        onRequest: extraLimit(app, { max: 3, timeWindow: "1 hour", keyGenerator: () => `${prefix}:sustained` }),
      },
      async () => "ok",
    );
    app.post("/quiet", async (request) => ((await quiet(request, `${prefix}:same`)) ? "over" : "ok"));
    return app;
  }

  it("refuses once either limit is reached, the stricter first", async () => {
    const app = await tinyApp();
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await app.inject({ method: "POST", url: "/burst-and-sustained" })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    await app.close();
  });

  it("refuses nothing out loud over a quiet limit, but says it is over", async () => {
    const app = await tinyApp();
    const bodies = [];
    for (let i = 0; i < 3; i++) bodies.push((await app.inject({ method: "POST", url: "/quiet" })).body);
    expect(bodies).toEqual(["ok", "ok", "over"]);
    await app.close();
  });

  describe.runIf(redisUrl)("with Redis", () => {
    it("counts both kinds together across instances", async () => {
      const redis = new Redis(redisUrl ?? "");
      const a = await tinyApp(redis);
      const shared = Fastify();
      await registerRateLimits(shared, { enabled: true, secretKey: freshSecret(), redis });
      const key = `shared:${randomBytes(6).toString("hex")}`;
      const limits = [a, shared].map((app) =>
        extraLimit(app, { max: 2, timeWindow: "1 hour", keyGenerator: () => key }),
      );
      for (const [i, app] of [a, shared].entries()) {
        app.post("/shared", { onRequest: limits[i] ?? [] }, async () => "ok");
      }
      const codes = [];
      for (const app of [a, shared, a]) codes.push((await app.inject({ method: "POST", url: "/shared" })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      await a.close();
      await shared.close();
      redis.disconnect();
    });
  });
});

describeEachDatabase("limits on signing", (db) => {
  let t: TestApp;
  let slug: string;
  let other: string;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { SECRET_KEY: freshSecret() });
    slug = uniqueSlug("limits");
    other = uniqueSlug("limits-other");
    await addCampaign(t.deps.db, slug, { policy: "instant" });
    await addCampaign(t.deps.db, other, { policy: "instant" });
  });
  afterAll(async () => t.app.close());

  it("refuses one network's burst on one petition, and leaves other networks and petitions alone", async () => {
    const address = "192.0.2.50";
    for (let i = 0; i < SIGN_LIMITS.burst.max; i++) {
      expect((await signFrom(t.app, slug, address, signer())).statusCode).toBe(303);
    }
    const refused = await signFrom(t.app, slug, address, signer());
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain("Too many requests");
    expect((await signFrom(t.app, other, address, signer())).statusCode).toBe(303);
    expect((await signFrom(t.app, slug, "192.0.2.51", signer())).statusCode).toBe(303);
  });

  it("answers the same address sent again and again as usual, and stops writing after the limit", async () => {
    const email = newEmail();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i <= SIGN_LIMITS.perEmail.max; i++) {
      const res = await signFrom(t.app, other, `192.0.2.${100 + i}`, signer({ email }));
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^/campaigns/${other}/thank-you\\?code=[A-Za-z0-9_-]{10}$`));
      codes.push(codeIn(res.headers.location));
    }
    const first = codes[0];
    expect(codes.slice(0, SIGN_LIMITS.perEmail.max).every((c) => c === first)).toBe(true);
    const last = codes.at(-1);
    expect(last).not.toBe(first);
    const rows = await signaturesOf(t.deps.db, other);
    expect(rows.filter((r) => r.referral_code === last)).toEqual([]);
    expect(rows.filter((r) => r.referral_code === first)).toHaveLength(1);
  });

  it("does not limit a network on the allow list", async () => {
    await t.deps.db
      .insertInto("abuse_rules")
      .values({
        kind: "network",
        action: "allow",
        value: "192.0.2.200/32",
        note: "stall",
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    await t.deps.abuse.changed();
    const before = await countOf(t.app, slug);
    for (let i = 0; i <= SIGN_LIMITS.burst.max + 2; i++) {
      expect((await signFrom(t.app, slug, "192.0.2.200", signer())).statusCode).toBe(303);
    }
    expect(await countOf(t.app, slug)).toBe(before + SIGN_LIMITS.burst.max + 3);
  });

  describe.runIf(redisUrl)("across instances sharing Redis", () => {
    it("counts one address's submissions to both instances together", async () => {
      const env = { SECRET_KEY: freshSecret(), REDIS_URL: redisUrl ?? "" };
      const [a, b] = [await buildTestApp(db().handle, env), await buildTestApp(db().handle, env)];
      const email = newEmail();
      const codes: (string | undefined)[] = [];
      for (let i = 0; i <= SIGN_LIMITS.perEmail.max; i++) {
        const res = await signFrom((i % 2 === 0 ? a : b).app, other, `192.0.2.${150 + i}`, signer({ email }));
        codes.push(codeIn(res.headers.location));
      }
      expect(new Set(codes.slice(0, SIGN_LIMITS.perEmail.max)).size).toBe(1);
      expect(codes.at(-1)).not.toBe(codes[0]);
      await a.app.close();
      await b.app.close();
    });
  });
});
