import { afterAll, beforeAll, expect, it } from "vitest";
import { MANAGE_COOKIE } from "../../../src/modules/community/manage-session.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { newEmail, pressConfirm, runJobs, SLUG, signAndGetToken, signer } from "../petitions/petition-helpers.ts";
import { JOIN_UPDATES_WORDING, joinAndConfirm, joiner, signInByEmail } from "./community-helpers.ts";

interface Export {
  supporter: Record<string, unknown>;
  topics: string[];
  signatures: Record<string, unknown>[];
  consents: Record<string, unknown>[];
  join_requests: Record<string, unknown>[];
  emails_sent: { subject: string }[];
}

describeEachDatabase("downloading everything held about oneself", (db) => {
  let t: TestApp;
  let email: string;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    email = newEmail();
    const token = await signAndGetToken(t, SLUG, signer({ email, postcode: "0150", comment: "Welcome!" }));
    await pressConfirm(t.app, token);
    await joinAndConfirm(t, joiner({ email, name: "Amina Rahimi", topics: ["safe-routes"], updates: "yes" }));
    cookies = { [MANAGE_COOKIE]: await signInByEmail(t, email, "your-data") };
    await runJobs(t.deps);
  });
  afterAll(async () => t.app.close());

  it("gives the signed-in supporter a JSON file of their record, signatures, consents, requests, topics and emails", async () => {
    const res = await t.app.inject({ url: "/your-data/export.json", cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="iwelcome-my-data.json"');
    expect(res.headers["cache-control"]).toContain("no-store");
    const data = res.json() as Export;
    expect(data.supporter).toMatchObject({
      email,
      name: "Amina Rahimi",
      country: "NO",
      postcode: "0150",
      locale: "en",
    });
    expect(data.supporter.member_since).toEqual(expect.any(String));
    expect(data.topics).toEqual(["safe-routes"]);
    expect(data.signatures).toHaveLength(1);
    expect(data.signatures[0]).toMatchObject({
      petition: SLUG,
      name: "Amina Rahimi",
      postcode: "0150",
      comment: "Welcome!",
      status: "confirmed",
    });
    expect(data.consents).toEqual([
      expect.objectContaining({
        purpose: "email-updates",
        wording: JOIN_UPDATES_WORDING,
        wording_version: "join-updates-1",
        method: "form-checkbox",
        confirmed_at: expect.any(String),
        withdrawn_at: null,
      }),
    ]);
    expect(data.join_requests).toEqual([
      expect.objectContaining({ name: "Amina Rahimi", topics: ["safe-routes"], wants_updates: true }),
    ]);
    expect(data.emails_sent.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        "Please confirm that you want to join",
        "Welcome to the community",
        "Your link to see or erase your data",
      ]),
    );
  });

  it("holds nobody else's data", async () => {
    const other = newEmail();
    await joinAndConfirm(t, joiner({ email: other, name: "Bashir Karimi" }));
    const body = (await t.app.inject({ url: "/your-data/export.json", cookies })).body;
    expect(body).not.toContain(other);
    expect(body).not.toContain("Bashir");
  });

  it("answers 401 in JSON without the cookie, or with a forged one", async () => {
    for (const headers of [{}, { cookie: `${MANAGE_COOKIE}=1.9999999999999.${"A".repeat(43)}` }]) {
      const res = await t.app.inject({ url: "/your-data/export.json", headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers["content-type"]).toContain("application/json");
      expect(res.json()).toEqual({ error: { status: 401, message: "Follow the link we send you by email first." } });
    }
  });

  it("shows the your-data page with download and erase, or asks for a link", async () => {
    const page = await t.app.inject({ url: "/your-data", cookies });
    expect(page.body).toContain('href="/your-data/export.json"');
    expect(page.body).toContain('href="/your-data?erase=1"');
    expect(page.body).not.toContain('name="confirm"');
    const confirming = await t.app.inject({ url: "/your-data?erase=1", cookies });
    expect(confirming.body).toContain('name="confirm" value="yes"');
    expect((await t.app.inject("/your-data")).body).toContain("we will send you a link to download everything");
  });
});
