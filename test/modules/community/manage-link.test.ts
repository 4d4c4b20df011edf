import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { MANAGE_COOKIE, supporterOfManageCookie } from "../../../src/modules/community/manage-session.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { mailTo, newEmail, runJobs } from "../petitions/petition-helpers.ts";
import { joinAndConfirm, joiner, manageLinkIn, rowCounts, submit } from "./community-helpers.ts";

const TEN_MINUTES = 600_000;

describeEachDatabase("asking for a link to one's preferences, and following it", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  const askForLink = (email: string, target = "preferences") =>
    submit(t.app, `/${target}`, `/${target}/link`, { email });

  it("sends a link to a known address, at most once every ten minutes", async () => {
    const email = newEmail();
    await joinAndConfirm(t, joiner({ email }));
    const before = (await mailTo(t.deps.db, email)).length;
    const start = Math.floor(Date.now() / TEN_MINUTES) * TEN_MINUTES + 1000;
    const clock = vi.spyOn(Date, "now").mockReturnValue(start);
    try {
      for (let i = 0; i < 3; i++) {
        const res = await askForLink(email.toUpperCase());
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe("/preferences?sent=1");
      }
      clock.mockReturnValue(start + TEN_MINUTES);
      await askForLink(email);
    } finally {
      clock.mockRestore();
    }
    await runJobs(t.deps);
    const links = (await mailTo(t.deps.db, email)).slice(before);
    expect(links.map((m) => m.subject)).toEqual([
      "Your link to change your preferences",
      "Your link to change your preferences",
    ]);
    expect(manageLinkIn(links[0])).toMatch(/\/manage\?token=[\w-]{43}&next=preferences$/);
  });

  it("answers the same for an unknown address, and sends nothing", async () => {
    const email = newEmail();
    const jobs = await rowCounts(t.deps.db, ["jobs", "mail_outbox"]);
    const res = await askForLink(email);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/preferences?sent=1");
    expect(await rowCounts(t.deps.db, ["jobs", "mail_outbox"])).toEqual(jobs);
    await runJobs(t.deps);
    expect(await mailTo(t.deps.db, email)).toEqual([]);
    const page = await t.app.inject("/preferences?sent=1");
    expect(page.body).toContain("If we hold that address, we have sent a link to it.");
  });

  it("opening the link changes nothing; its button signs in with a signed, HttpOnly cookie, once", async () => {
    const email = newEmail();
    const supporter = await joinAndConfirm(t, joiner({ email }));
    await askForLink(email);
    await runJobs(t.deps);
    const link = manageLinkIn((await mailTo(t.deps.db, email)).at(-1));
    const token = new URL(link).searchParams.get("token") ?? "";

    for (let i = 0; i < 2; i++) {
      const opened = await t.app.inject(link);
      expect(opened.statusCode).toBe(200);
      expect(opened.body).toContain(`name="token" value="${token}"`);
      expect(opened.cookies.find((c) => c.name === MANAGE_COOKIE)).toBeUndefined();
    }
    const unused = await t.deps.db.selectFrom("tokens").select("used_at").where("purpose", "=", "manage").execute();
    expect(unused.every((row) => row.used_at === null)).toBe(true);

    const res = await submit(t.app, link, "/manage", { token, next: "preferences" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/preferences");
    const cookie = res.cookies.find((c) => c.name === MANAGE_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.path).toBe("/");
    expect(cookie?.maxAge).toBe(3600);
    expect(await supporterOfManageCookie(t.deps.db, t.deps.config.secretKey, cookie?.value)).toBe(supporter.id);

    const again = await submit(t.app, "/preferences", "/manage", { token, next: "preferences" });
    expect(again.statusCode).toBe(410);
    expect(again.cookies.find((c) => c.name === MANAGE_COOKIE)).toBeUndefined();
    expect((await t.app.inject(link)).statusCode).toBe(410);
  });

  it("refuses a link with no token, a made-up one, or a target that does not exist", async () => {
    const email = newEmail();
    await joinAndConfirm(t, joiner({ email }));
    await askForLink(email, "your-data");
    await runJobs(t.deps);
    const link = manageLinkIn((await mailTo(t.deps.db, email)).at(-1));
    expect(link).toMatch(/&next=your-data$/);
    const token = new URL(link).searchParams.get("token") ?? "";
    for (const url of [
      "/manage",
      `/manage?token=${"x".repeat(43)}&next=preferences`,
      `/manage?token=${token}&next=admin`,
    ]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(410);
    }
    const wrongTarget = await submit(t.app, "/preferences", "/manage", { token, next: "admin" });
    expect(wrongTarget.statusCode).toBe(410);
    expect(wrongTarget.cookies.find((c) => c.name === MANAGE_COOKIE)).toBeUndefined();
    // The link was not used up by the request that went wrong.
    const right = await submit(t.app, link, "/manage", { token, next: "your-data" });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe("/your-data");
  });
});
