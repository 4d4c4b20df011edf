import { afterAll, beforeAll, expect, it } from "vitest";
import type { Tables } from "../../../src/db/tables.ts";
import { MANAGE_COOKIE } from "../../../src/modules/community/manage-session.ts";
import { reconcileCounts } from "../../../src/modules/petitions/counts.repo.ts";
import { canonicalEmail } from "../../../src/modules/supporters/email.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  addCampaign,
  countOf,
  mailTo,
  pressConfirm,
  runJobs,
  sign,
  signAndGetToken,
  signaturesOf,
  signer,
  supportersWith,
  uniqueSlug,
} from "../petitions/petition-helpers.ts";
import { findEverywhere, joinAndConfirm, joiner, signInByEmail, submit, tablesOf } from "./community-helpers.ts";

const RECEIPT = "Your data has been erased";

/** Every table of src/db/tables.ts: the search below must look in each. */
const EVERY_TABLE: (keyof Tables)[] = [
  "content_pages",
  "figures",
  "campaigns",
  "dev_mail",
  "campaign_updates",
  "supporters",
  "signatures",
  "campaign_counts",
  "campaign_country_counts",
  "consents",
  "tokens",
  "jobs",
  "mail_outbox",
  "campaign_translations",
  "campaign_update_translations",
  "topics",
  "topic_names",
  "supporter_topics",
  "join_requests",
];

describeEachDatabase("erasing everything held about oneself", (db) => {
  let t: TestApp;
  const tag = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 8)
    .padEnd(8, "q");
  const surname = `Qx${tag}`;
  const name = `Zuhal ${surname}`;
  const email = `Zuhal.${tag}@Example.org`;
  const postcode = `QP${tag.slice(0, 6).toUpperCase()}`;
  const personal = [email, email.split("@")[0] ?? "", name, surname, postcode];
  const signed = uniqueSlug("erase-signed");
  const waiting = uniqueSlug("erase-waiting");
  let campaignIds: number[];
  let cookies: Record<string, string>;
  let counts: () => Promise<unknown>;
  let countsBefore: unknown;
  let erasedId: number;

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaignIds = [await addCampaign(t.deps.db, signed), await addCampaign(t.deps.db, waiting)];
    const fields = signer({ name, email, country: "NO", postcode, comment: `I am ${name}`, public: "yes" });
    await pressConfirm(
      t.app,
      await signAndGetToken(t, signed, { ...fields, updates: "yes", utm_source: "newsletter" }),
    );
    await pressConfirm(t.app, await signAndGetToken(t, signed, signer({ country: "SE" })));
    await sign(t.app, waiting, fields);
    erasedId = (await joinAndConfirm(t, joiner({ email, name, topics: ["safe-routes"], updates: "yes" }))).id;
    cookies = { [MANAGE_COOKIE]: await signInByEmail(t, email, "your-data") };
    await runJobs(t.deps);
    counts = async () => ({
      shown: await countOf(t.app, signed),
      totals: await t.deps.db
        .selectFrom("campaign_counts")
        .select(["campaign_id", "total"])
        .orderBy("campaign_id")
        .execute(),
      countries: await t.deps.db
        .selectFrom("campaign_country_counts")
        .selectAll()
        .orderBy("campaign_id")
        .orderBy("country")
        .execute(),
    });
    countsBefore = await counts();
    const outbox = await t.deps.db
      .selectFrom("mail_outbox")
      .select("state")
      .where("supporter_id", "=", erasedId)
      .execute();
    expect(outbox.map((m) => m.state)).toContain("sent");
    expect(await findEverywhere(t.deps.db, personal)).not.toEqual([]);
    const searched = (await tablesOf(t.deps.db)).map((table) => table.name);
    expect(searched).toEqual(expect.arrayContaining(EVERY_TABLE));
  });
  afterAll(async () => t.app.close());

  const erase = (fields: Record<string, string>) =>
    submit(t.app, "/your-data?erase=1", "/your-data/erase", fields, cookies);

  it("asks again before erasing, and erases nothing until confirmed", async () => {
    const res = await erase({});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/your-data?erase=1");
    const [supporter] = await supportersWith(t.deps.db, canonicalEmail(email));
    expect(supporter).toMatchObject({ name, erased_at: null });
  });

  it("erases every personal field everywhere, keeps the counts, and clears the cookie", async () => {
    const res = await erase({ confirm: "yes" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Your data is erased");
    const cleared = res.cookies.find((c) => c.name === MANAGE_COOKIE);
    expect(cleared?.value).toBe("");
    expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());

    // Until the last email is sent, the address is only in the message that sends it; the
    // supporter's other messages (sent or waiting) are gone from the outbox.
    const found = await findEverywhere(t.deps.db, personal);
    expect(found.filter((f) => !f.startsWith("mail_outbox.params"))).toEqual([]);
    const outbox = await t.deps.db.selectFrom("mail_outbox").selectAll().execute();
    const receipt = outbox.find((m) => m.kind === "erasure-receipt");
    expect(receipt).toMatchObject({ state: "queued", supporter_id: null });
    expect(receipt?.params.toLowerCase()).toContain(email.toLowerCase());
    expect(receipt?.params).not.toContain(surname);
    expect(outbox.filter((m) => m.supporter_id === erasedId)).toEqual([]);

    expect(await counts()).toEqual(countsBefore);
    for (const id of campaignIds) {
      const drift = await t.deps.db.transaction().execute((trx) => reconcileCounts(trx, t.deps.dialect, id));
      expect(drift.after, `campaign ${id}`).toBe(drift.before);
    }
    expect(await signaturesOf(t.deps.db, waiting)).toEqual([]);
    const kept = (await signaturesOf(t.deps.db, signed)).find((s) => s.country === "NO");
    expect(kept).toMatchObject({
      status: "confirmed",
      name: "",
      postcode: null,
      comment: null,
      show_name: 0,
      utm_source: null,
      referrer_host: null,
      network_hash: null,
    });
  });

  it("sends a last email to the old address, and keeps no copy of it in the outbox", async () => {
    await runJobs(t.deps);
    const mails = await mailTo(t.deps.db, email);
    expect(mails.map((m) => m.subject)).toEqual([RECEIPT]);
    expect(mails[0]?.text).not.toContain(surname);
    const receipt = await t.deps.db
      .selectFrom("mail_outbox")
      .select(["state", "params", "recipient_masked"])
      .where("kind", "=", "erasure-receipt")
      .executeTakeFirstOrThrow();
    expect(receipt).toEqual({ state: "sent", params: "{}", recipient_masked: null });
    // Only the development mailbox, which stands for the mail server, holds the receipt it sent.
    const found = await findEverywhere(t.deps.db, personal);
    expect(found.every((f) => /^dev_mail\.to\[\d+\]/.test(f))).toBe(true);
    const receipts = await t.deps.db.selectFrom("dev_mail").select("subject").where("to", "=", email).execute();
    expect(receipts).toEqual([{ subject: RECEIPT }]);
  });

  it("no longer lets the old cookie see or change anything", async () => {
    expect((await t.app.inject({ url: "/your-data/export.json", cookies })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/preferences", cookies })).body).toContain("we will send you a link");
    // Nor write anything back onto the erased record from another device still signed in.
    const id = (
      await t.deps.db.selectFrom("supporters").select("id").where("email_canonical", "like", "erased:%").execute()
    ).map((r) => r.id);
    await submit(
      t.app,
      "/preferences",
      "/preferences",
      { language: "fr", emails: "yes", topics: "safe-routes" },
      cookies,
    );
    expect(await t.deps.db.selectFrom("consents").select("id").where("supporter_id", "in", id).execute()).toEqual([]);
    expect(
      await t.deps.db.selectFrom("supporter_topics").select("topic_id").where("supporter_id", "in", id).execute(),
    ).toEqual([]);
    await erase({ confirm: "yes" });
    await submit(t.app, "/your-data", "/your-data/link", { email });
    await runJobs(t.deps);
    expect((await mailTo(t.deps.db, email)).map((m) => m.subject)).toEqual([RECEIPT]);
  });

  it("leaves the address free to sign again, as a new supporter", async () => {
    await sign(t.app, signed, signer({ email, name: "Zuhal" }));
    const [again, ...more] = await supportersWith(t.deps.db, canonicalEmail(email));
    expect(more).toEqual([]);
    expect(again?.erased_at).toBeNull();
    expect(await countOf(t.app, signed)).toBe((countsBefore as { shown: number }).shown);
  });
});
