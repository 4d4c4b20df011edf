import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { canonicalEmail } from "../../../src/modules/supporters/email.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  formSession,
  mailTo,
  newEmail,
  runJobs,
  SLUG,
  sign,
  signer,
  supportersWith,
} from "../petitions/petition-helpers.ts";
import {
  type Fields,
  findSupporter,
  join,
  joiner,
  joinTokenIn,
  pressJoinConfirm,
  rowCounts,
} from "./community-helpers.ts";

const WRITTEN = ["supporters", "join_requests", "consents", "jobs", "mail_outbox", "tokens", "supporter_topics"];

describeEachDatabase("joining with bad input, known addresses and bad links", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  /** Joins and runs the jobs: the join request and the raw token of its email. */
  async function waitingJoin(fields: Fields = {}) {
    const person = joiner({ updates: "yes", ...fields });
    await join(t.app, person);
    await runJobs(t.deps);
    const supporter = await findSupporter(t.deps.db, person.email);
    const request = await t.deps.db
      .selectFrom("join_requests")
      .selectAll()
      .where("supporter_id", "=", supporter.id)
      .executeTakeFirstOrThrow();
    return { person, supporter, request, token: joinTokenIn((await mailTo(t.deps.db, person.email)).at(-1)) };
  }

  /** What a join changes: the supporter, its request, consents and topics. */
  async function stateOf(supporterId: number) {
    const q = t.deps.db;
    return {
      supporter: await q.selectFrom("supporters").selectAll().where("id", "=", supporterId).executeTakeFirst(),
      requests: await q.selectFrom("join_requests").selectAll().where("supporter_id", "=", supporterId).execute(),
      consents: await q.selectFrom("consents").selectAll().where("supporter_id", "=", supporterId).execute(),
      topics: await q.selectFrom("supporter_topics").selectAll().where("supporter_id", "=", supporterId).execute(),
      jobs: await rowCounts(q, ["jobs", "mail_outbox"]),
    };
  }

  it("makes no second supporter for an address that signed a petition", async () => {
    const email = newEmail();
    await sign(t.app, SLUG, signer({ email }));
    await join(t.app, joiner({ email: email.toUpperCase() }));
    expect(await supportersWith(t.deps.db, canonicalEmail(email))).toHaveLength(1);
  });

  it("answers the same for a known and an unknown address", async () => {
    const known = newEmail();
    await sign(t.app, SLUG, signer({ email: known }));
    const answers = [];
    for (const email of [known, newEmail()]) {
      const res = await join(t.app, joiner({ email }));
      const next = await t.app.inject(res.headers.location ?? "");
      const page = next.body.replace(/nonce="[^"]*"/g, "");
      answers.push({ status: res.statusCode, location: res.headers.location, body: res.body, page });
    }
    const [a, b] = answers;
    expect(a?.status).toBe(303);
    expect(a).toEqual(b);
  });

  it("makes one supporter and sends one email when the same form is sent five times at once", async () => {
    const person = { name: "Zarmina Qaderi", email: newEmail(), country: "NO", language: "en" };
    const post = await formSession(t.app, "/join");
    const answers = await Promise.all(Array.from({ length: 5 }, () => post("/join", person)));
    expect(answers.map((r) => r.statusCode)).toEqual([303, 303, 303, 303, 303]);
    expect(await supportersWith(t.deps.db, canonicalEmail(person.email))).toHaveLength(1);
    await runJobs(t.deps);
    expect(await mailTo(t.deps.db, person.email)).toHaveLength(1);
  });

  it("shows every mistake at once, keeps what was typed and writes nothing", async () => {
    const before = await rowCounts(t.deps.db, WRITTEN);
    const res = await join(t.app, {
      name: "",
      email: "not-an-address",
      country: "XX",
      language: "en",
      topics: ["safe-routes"],
      updates: "yes",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('value="not-an-address"');
    expect(res.body).toMatch(/name="topics" value="safe-routes" checked/);
    expect(res.body).toMatch(/name="updates" value="yes" checked/);
    for (const field of ["name", "email", "country"]) expect(res.body).toContain(`href="#field-${field}"`);
    expect(await rowCounts(t.deps.db, WRITTEN)).toEqual(before);
  });

  it("refuses a topic or a language the site does not have, writing nothing", async () => {
    const before = await rowCounts(t.deps.db, WRITTEN);
    const wrongs: Fields[] = [{ topics: ["safe-routes", "not-a-topic"] }, { language: "xx" }, { language: "" }];
    for (const wrong of wrongs) {
      const res = await join(t.app, joiner(wrong));
      expect(res.statusCode, JSON.stringify(wrong)).toBe(400);
      expect(res.body).toContain('class="error-summary"');
    }
    expect(await rowCounts(t.deps.db, WRITTEN)).toEqual(before);
  });

  it("refuses an expired link with a friendly page, and changes nothing", async () => {
    const { supporter, request, token } = await waitingJoin();
    await t.deps.db
      .updateTable("tokens")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("purpose", "=", "confirm-join")
      .where("subject_id", "=", request.id)
      .execute();
    const before = await stateOf(supporter.id);
    const opened = await t.app.inject(`/join/confirm?token=${token}`);
    expect(opened.statusCode).toBe(410);
    expect(opened.body).toContain("This link does not work any more");
    const pressed = await pressJoinConfirm(t.app, token);
    expect(pressed.statusCode).toBe(410);
    expect(pressed.body).toContain("You can fill in the join form again");
    expect(await stateOf(supporter.id)).toEqual(before);
    expect(before.supporter?.member_since).toBeNull();
  });

  it("refuses an unknown or malformed link with a 404 page, and changes nothing", async () => {
    const { supporter } = await waitingJoin();
    const before = await stateOf(supporter.id);
    for (const token of [randomBytes(32).toString("base64url"), "short", "", "%00", "a".repeat(500)]) {
      const opened = await t.app.inject(`/join/confirm?token=${encodeURIComponent(token)}`);
      expect(opened.statusCode, token).toBe(404);
      expect(opened.body).toContain("This link does not work any more");
      const pressed = await pressJoinConfirm(t.app, token);
      expect(pressed.statusCode, token).toBe(404);
    }
    expect(await stateOf(supporter.id)).toEqual(before);
  });

  it("does nothing more for a link used already: the page says so, the button leads to the welcome", async () => {
    const { supporter, token } = await waitingJoin();
    expect((await pressJoinConfirm(t.app, token)).statusCode).toBe(303);
    await runJobs(t.deps);
    const before = await stateOf(supporter.id);
    expect(before.supporter?.member_since).not.toBeNull();
    const opened = await t.app.inject(`/join/confirm?token=${token}`);
    expect(opened.statusCode).toBe(410);
    const replays = await Promise.all([pressJoinConfirm(t.app, token), pressJoinConfirm(t.app, token)]);
    expect(replays.map((r) => r.headers.location)).toEqual(["/join/welcome", "/join/welcome"]);
    await runJobs(t.deps);
    expect(await stateOf(supporter.id)).toEqual(before);
  });

  it("refuses a link for joining to confirm anything else, and a signature link to confirm a join", async () => {
    const { supporter, request } = await waitingJoin();
    const email = newEmail();
    await sign(t.app, SLUG, signer({ email }));
    await runJobs(t.deps);
    const before = await stateOf(supporter.id);
    const signatureToken = /\/signatures\/confirm\?token=([\w-]{43})/.exec(
      (await mailTo(t.deps.db, email))[0]?.text ?? "",
    )?.[1];
    expect(signatureToken).toBeDefined();
    expect((await pressJoinConfirm(t.app, signatureToken ?? "")).statusCode).toBe(404);
    expect(await stateOf(supporter.id)).toEqual(before);
    expect(request.confirmed_at).toBeNull();
  });
});
