import { afterAll, beforeAll, expect, it } from "vitest";
import { eraseSupporter } from "../../../src/modules/community/your-data.service.ts";
import { type Audience, countAudience, EVERYONE } from "../../../src/modules/mailings/audience.ts";
import { withdrawConsents } from "../../../src/modules/supporters/consents.repo.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { makeCampaigns, makePerson, testDeps } from "./mailing-helpers.ts";

describeEachDatabase("who a mailing's audience holds", (db) => {
  let t: ReturnType<typeof testDeps>;
  beforeAll(() => {
    t = testDeps(db().handle);
  });
  afterAll(async () => t.close());

  /** Each test keeps to a country of its own, so what other tests made does not count. */
  const count = (country: string, audience: Partial<Audience> = {}) =>
    countAudience(t.deps.db, { ...EVERYONE, ...audience, countries: [country, ...(audience.countries ?? [])] });

  it("holds only people with a current confirmed consent to email updates", async () => {
    const c = "IS";
    await makePerson(t.deps.db, { country: c, consent: "confirmed" });
    await makePerson(t.deps.db, { country: c, consent: "unconfirmed" });
    await makePerson(t.deps.db, { country: c, consent: "withdrawn" });
    await makePerson(t.deps.db, { country: c, consent: "none" });
    expect(await count(c)).toBe(1);
  });

  it("drops a person the moment they withdraw consent, and never holds an erased one", async () => {
    const c = "FO";
    const leaving = await makePerson(t.deps.db, { country: c });
    const erased = await makePerson(t.deps.db, { country: c });
    await makePerson(t.deps.db, { country: c });
    expect(await count(c)).toBe(3);
    await withdrawConsents(t.deps.db, leaving.id, "email-updates", "one-click");
    expect(await count(c)).toBe(2);
    expect(await eraseSupporter(t.deps, erased.id)).toBe(true);
    expect(await count(c)).toBe(1);
  });

  it("takes signers of the chosen petitions and members together, then narrows by the rest", async () => {
    const c = "GL";
    const [first, second, third] = await makeCampaigns(t.deps.db, 3);
    if (first === undefined || second === undefined || third === undefined) throw new Error("demo has campaigns");
    const topics = await t.deps.db.selectFrom("topics").select("id").orderBy("id").execute();
    const topic = topics[0]?.id as number;
    await makePerson(t.deps.db, { country: c, signed: [first], locale: "ar" });
    await makePerson(t.deps.db, { country: c, signed: [second], topicIds: [topic] });
    await makePerson(t.deps.db, { country: c, member: true, createdAt: "2020-01-01T10:00:00.000Z" });
    await makePerson(t.deps.db, { country: c, signed: [third] });
    await makePerson(t.deps.db, { country: "AX", signed: [first] });

    expect(await count(c)).toBe(4);
    expect(await count(c, { campaignIds: [first] })).toBe(1);
    expect(await count(c, { campaignIds: [first, second] })).toBe(2);
    expect(await count(c, { campaignIds: [first], members: true })).toBe(2);
    expect(await count(c, { members: true })).toBe(1);
    expect(await count(c, { locales: ["ar"] })).toBe(1);
    expect(await count(c, { topicIds: [topic] })).toBe(1);
    expect(await count(c, { joinedSince: "2021-01-01" })).toBe(3);
    expect(await count(c, { campaignIds: [first, second], locales: ["en"] })).toBe(1);
    expect(await count(c, { countries: ["AX"], campaignIds: [first] })).toBe(2);
  });
});
