import { afterAll, beforeAll, expect, it } from "vitest";
import { applyRetention } from "../../../src/modules/community/retention.ts";
import { reconcileCounts } from "../../../src/modules/petitions/counts.repo.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  addCampaign,
  countOf,
  newEmail,
  pressConfirm,
  runJobs,
  sign,
  signAndGetToken,
  signer,
  uniqueSlug,
} from "../petitions/petition-helpers.ts";
import { findSupporter, join, joinAndConfirm, joiner } from "./community-helpers.ts";

const DAY = 24 * 60 * 60 * 1000;
const later = (days: number) => new Date(Date.now() + days * DAY);
const monthsLater = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
};

describeEachDatabase("keeping personal data no longer than the privacy notice says", (db) => {
  let t: TestApp;
  const live = uniqueSlug("retention-live");
  const closed = uniqueSlug("retention-closed");
  let closedId: number;
  const people = {
    pending: newEmail(),
    signed: newEmail(),
    joining: newEmail(),
    member: newEmail(),
    closed: newEmail(),
  };
  const ids: Record<keyof typeof people, number> = { pending: 0, signed: 0, joining: 0, member: 0, closed: 0 };

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    await addCampaign(t.deps.db, live);
    closedId = await addCampaign(t.deps.db, closed);
    await sign(t.app, live, signer({ email: people.pending, updates: "yes" }));
    await pressConfirm(t.app, await signAndGetToken(t, live, signer({ email: people.signed })));
    await join(t.app, joiner({ email: people.joining, updates: "yes" }));
    await joinAndConfirm(t, joiner({ email: people.member, updates: "yes" }));
    const closedSigner = signer({ email: people.closed, postcode: "0150", comment: "Welcome!", utm_source: "mail" });
    await pressConfirm(t.app, await signAndGetToken(t, closed, closedSigner));
    await runJobs(t.deps);
    for (const key of Object.keys(people) as (keyof typeof people)[]) {
      ids[key] = (await findSupporter(t.deps.db, people[key])).id;
    }
    await t.deps.db
      .updateTable("campaigns")
      .set({ status: "closed", closed_at: new Date().toISOString() })
      .where("id", "=", closedId)
      .execute();
  });
  afterAll(async () => t.app.close());

  const rowsOf = async (supporterId: number) => {
    const q = t.deps.db;
    const signatures = await q.selectFrom("signatures").selectAll().where("supporter_id", "=", supporterId).execute();
    const joins = await q.selectFrom("join_requests").selectAll().where("supporter_id", "=", supporterId).execute();
    const tokensOf = async (purpose: "confirm-signature" | "confirm-join", subjects: number[]) =>
      subjects.length === 0
        ? []
        : q
            .selectFrom("tokens")
            .select(["purpose", "subject_id"])
            .where("purpose", "=", purpose)
            .where("subject_id", "in", subjects)
            .execute();
    return {
      supporter: await q.selectFrom("supporters").selectAll().where("id", "=", supporterId).executeTakeFirst(),
      signatures,
      joins,
      consents: await q.selectFrom("consents").selectAll().where("supporter_id", "=", supporterId).execute(),
      tokens: [
        ...(await tokensOf(
          "confirm-signature",
          signatures.map((s) => s.id),
        )),
        ...(await tokensOf(
          "confirm-join",
          joins.map((j) => j.id),
        )),
      ],
    };
  };
  const everyone = async () =>
    Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, await rowsOf(id)])));

  it("deletes nothing today", async () => {
    const before = await everyone();
    expect(before.pending.tokens).toHaveLength(1);
    expect(before.joining.tokens).toHaveLength(1);
    expect(before.signed.signatures[0]?.network_hash).toEqual(expect.any(String));
    expect(await applyRetention(t.deps, new Date())).toEqual({
      unconfirmedSignatures: 0,
      unconfirmedJoins: 0,
      unconfirmedConsents: 0,
      networkHashes: 0,
      anonymisedSigners: 0,
      emptySupporters: 0,
      forgottenSigners: 0,
      orphanedSubmissions: 0,
      unconfirmedRsvps: 0,
      pastEventRsvps: 0,
      unconfirmedGroupMembers: 0,
    });
    expect(await everyone()).toEqual(before);
  });

  it("after 31 days, deletes what was never confirmed, with its tokens, consents and empty supporters", async () => {
    const before = await everyone();
    const counts = { live: await countOf(t.app, live), closed: await countOf(t.app, closed) };
    const result = await applyRetention(t.deps, later(31));
    expect(result).toMatchObject({ unconfirmedSignatures: 1, unconfirmedJoins: 1, unconfirmedConsents: 2 });
    expect(result.emptySupporters).toBe(2);
    const after = await everyone();
    for (const gone of ["pending", "joining"]) {
      expect(after[gone], gone).toEqual({ supporter: undefined, signatures: [], joins: [], consents: [], tokens: [] });
    }
    expect(after.signed.supporter).toEqual(before.signed.supporter);
    expect(after.signed.signatures.map((s: { status: string }) => s.status)).toEqual(["confirmed"]);
    expect(after.member.supporter).toEqual(before.member.supporter);
    expect(after.member.joins).toHaveLength(1);
    expect(after.member.consents.map((c: { confirmed_at: string | null }) => c.confirmed_at)).toEqual([
      expect.any(String),
    ]);
    expect({ live: await countOf(t.app, live), closed: await countOf(t.app, closed) }).toEqual(counts);
  });

  it("after 31 days, drops every network hash older than 30 days", async () => {
    const hashes = [
      ...(await t.deps.db.selectFrom("signatures").select("network_hash").execute()),
      ...(await t.deps.db.selectFrom("join_requests").select("network_hash").execute()),
    ];
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes.every((row) => row.network_hash === null)).toBe(true);
  });

  it("keeps the signers of a closed petition for six months, then keeps only anonymous rows", async () => {
    const count = await countOf(t.app, closed);
    const countries = await t.deps.db
      .selectFrom("campaign_country_counts")
      .selectAll()
      .where("campaign_id", "=", closedId)
      .execute();
    expect((await applyRetention(t.deps, monthsLater(5))).anonymisedSigners).toBe(0);
    expect((await rowsOf(ids.closed)).signatures[0]).toMatchObject({ postcode: "0150", comment: "Welcome!" });

    expect((await applyRetention(t.deps, monthsLater(7))).anonymisedSigners).toBe(1);
    const [signature] = (await rowsOf(ids.closed)).signatures;
    expect(signature).toMatchObject({
      status: "confirmed",
      country: "NO",
      name: "",
      postcode: null,
      comment: null,
      show_name: 0,
      utm_source: null,
      utm_medium: null,
      utm_campaign: null,
      referred_by: null,
      referrer_host: null,
      network_hash: null,
    });
    expect(await countOf(t.app, closed)).toBe(count);
    expect(
      await t.deps.db.selectFrom("campaign_country_counts").selectAll().where("campaign_id", "=", closedId).execute(),
    ).toEqual(countries);
    const drift = await t.deps.db.transaction().execute((trx) => reconcileCounts(trx, t.deps.dialect, closedId));
    expect(drift.after).toBe(drift.before);
  });

  it("counts a petition whose deadline passed as closed from that day", async () => {
    const slug = uniqueSlug("retention-deadline");
    const campaignId = await addCampaign(t.deps.db, slug);
    const email = newEmail();
    await pressConfirm(t.app, await signAndGetToken(t, slug, signer({ email, postcode: "0151" })));
    await t.deps.db
      .updateTable("campaigns")
      .set({ deadline: new Date().toISOString() })
      .where("id", "=", campaignId)
      .execute();
    const signatureOf = () =>
      t.deps.db
        .selectFrom("signatures")
        .select(["name", "postcode"])
        .where("campaign_id", "=", campaignId)
        .executeTakeFirstOrThrow();
    await applyRetention(t.deps, monthsLater(5));
    expect(await signatureOf()).toEqual({ name: "Amina Rahimi", postcode: "0151" });
    await applyRetention(t.deps, monthsLater(7));
    expect(await signatureOf()).toEqual({ name: "", postcode: null });
  });

  it("then keeps no name or address of a signer who left nothing else, and keeps members and open petitions' signers", async () => {
    const forgotten = await rowsOf(ids.closed);
    expect(forgotten.supporter).toMatchObject({ name: "", country: null, postcode: null });
    expect(forgotten.supporter?.email).not.toContain("@example.org");
    expect(forgotten.supporter?.erased_at).toEqual(expect.any(String));
    expect(forgotten.signatures).toHaveLength(1);
    const member = await rowsOf(ids.member);
    expect(member.supporter?.member_since).toEqual(expect.any(String));
    expect(member.supporter?.email).toBe(people.member);
    expect((await rowsOf(ids.signed)).supporter?.email).toBe(people.signed);
    expect((await applyRetention(t.deps, monthsLater(8))).forgottenSigners).toBe(0);
  });
});
