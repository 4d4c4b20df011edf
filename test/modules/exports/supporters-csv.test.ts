import { afterAll, beforeAll, expect, it } from "vitest";
import { eraseSupporter } from "../../../src/modules/community/your-data.service.ts";
import { confirmConsents, recordConsent, withdrawConsents } from "../../../src/modules/supporters/consents.repo.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, addSigners, csvObjects, postAdminForm, staffCookie } from "./export-helpers.ts";

describeEachDatabase("supporters as CSV", (db) => {
  let t: TestApp;
  let campaigner: string;
  const download = (fields: Record<string, string>) =>
    postAdminForm(t.app, campaigner, "/admin/exports", "/admin/supporters.csv", {
      country: "",
      language: "",
      since: "",
      ...fields,
    });
  /** The test's own supporters in a file (the demo content has none, but other files' may). */
  const ours = (body: string) =>
    csvObjects(body)
      .filter((r) => r.Email?.endsWith("@supporters.example"))
      .map((r) => r.Email)
      .sort();

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaigner = await staffCookie(t, "campaigner");
    const campaign = await addCampaign(t.deps.db);
    const [member, consenting, withdrawn, arabic, erased] = await addSigners(t.deps.db, campaign.id, [
      {
        email: "member@supporters.example",
        country: "NO",
        locale: "nb",
        memberSince: "2026-01-10T00:00:00.000Z",
        createdAt: "2026-01-01T00:00:00.000Z",
      },
      { email: "consenting@supporters.example", country: "FR", locale: "fr", createdAt: "2026-02-01T00:00:00.000Z" },
      { email: "withdrawn@supporters.example", country: "FR", locale: "fr", createdAt: "2026-02-02T00:00:00.000Z" },
      {
        name: 'فاطمة, "فاطي"',
        email: "arabic@supporters.example",
        country: "AF",
        locale: "fa",
        createdAt: "2026-03-01T00:00:00.000Z",
      },
      {
        email: "erased@supporters.example",
        country: "NO",
        locale: "en",
        memberSince: "2026-01-10T00:00:00.000Z",
        createdAt: "2026-03-02T00:00:00.000Z",
      },
    ]);
    const consent = async (supporterId: number) => {
      await recordConsent(t.deps.db, {
        supporterId,
        purpose: "email-updates",
        wording: "Keep me updated.",
        wordingVersion: "test-1",
        locale: "en",
        source: "join",
        campaignId: null,
        method: "form-checkbox",
      });
      await confirmConsents(t.deps.db, supporterId, "join");
    };
    for (const id of [consenting, withdrawn, member] as number[]) await consent(id);
    await withdrawConsents(t.deps.db, withdrawn as number, "email-updates", "preferences");
    // Given but never confirmed: not a current consent.
    await recordConsent(t.deps.db, {
      supporterId: arabic as number,
      purpose: "email-updates",
      wording: "Keep me updated.",
      wordingVersion: "test-1",
      locale: "fa",
      source: "join",
      campaignId: null,
      method: "form-checkbox",
    });
    await eraseSupporter(t.deps, erased as number);
  });
  afterAll(async () => t.app.close());

  it("lists supporters with their details and whether they may be emailed; never an erased one", async () => {
    const res = await download({});
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="supporters-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(ours(res.body)).toEqual([
      "arabic@supporters.example",
      "consenting@supporters.example",
      "member@supporters.example",
      "withdrawn@supporters.example",
    ]);
    expect(res.body).not.toContain("erased");
    const rows = csvObjects(res.body);
    const byEmail = (e: string) => rows.find((r) => r.Email === e);
    expect(byEmail("arabic@supporters.example")).toMatchObject({
      Name: 'فاطمة, "فاطي"',
      "Country (code)": "AF",
      "Language (code)": "fa",
      "Known since (UTC)": "2026-03-01T00:00:00.000Z",
      "Member since (UTC)": "",
      "Agreed to email updates (1 = yes)": "0",
    });
    expect(byEmail("consenting@supporters.example")?.["Agreed to email updates (1 = yes)"]).toBe("1");
    expect(byEmail("withdrawn@supporters.example")?.["Agreed to email updates (1 = yes)"]).toBe("0");
    expect(byEmail("member@supporters.example")?.["Member since (UTC)"]).toBe("2026-01-10T00:00:00.000Z");
  });

  it("filters to members, to those with a current consent, by country, language and date first known", async () => {
    const emails = async (fields: Record<string, string>) => ours((await download(fields)).body);
    expect(await emails({ members: "yes" })).toEqual(["member@supporters.example"]);
    expect(await emails({ consent: "yes" })).toEqual(["consenting@supporters.example", "member@supporters.example"]);
    expect(await emails({ country: "FR" })).toEqual(["consenting@supporters.example", "withdrawn@supporters.example"]);
    expect(await emails({ country: "FR", consent: "yes" })).toEqual(["consenting@supporters.example"]);
    expect(await emails({ language: "fa" })).toEqual(["arabic@supporters.example"]);
    expect(await emails({ since: "2026-02-02" })).toEqual([
      "arabic@supporters.example",
      "withdrawn@supporters.example",
    ]);
  });

  it("records the export with its filters and row count", async () => {
    await download({ country: "FR", consent: "yes" });
    const last = await t.deps.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "export.supporters")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(last.after ?? "{}")).toEqual({
      filters: { membersOnly: false, withConsent: true, country: "FR", locale: null, since: null },
      rows: 1,
      completed: true,
    });
  });

  it("refuses a language or date it does not know, with the form and its errors", async () => {
    const res = await download({ language: "xx", since: "31/12/2025" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Choose a language from the list");
    expect(res.body).toContain("Enter a real date, as year, month and day");
  });
});
