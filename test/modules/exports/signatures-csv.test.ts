import { afterAll, beforeAll, expect, it } from "vitest";
import { eraseSupporter } from "../../../src/modules/community/your-data.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, addSigners, csvObjects, parseCsv, postAdminForm, staffCookie } from "./export-helpers.ts";

describeEachDatabase("a petition's signatures as CSV", (db) => {
  let t: TestApp;
  let campaigner: string;
  let campaign: { id: number; slug: string };
  let erasedId: number;
  const page = () => `/admin/campaigns/${campaign.id}/export`;
  const action = () => `/admin/campaigns/${campaign.id}/signatures.csv`;
  const download = (fields: Record<string, string>, cookie = campaigner, prefix = "") =>
    postAdminForm(t.app, cookie, `${prefix}${page()}`, `${prefix}${action()}`, {
      status: "all",
      country: "",
      from: "",
      to: "",
      ...fields,
    });

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaigner = await staffCookie(t, "campaigner");
    campaign = await addCampaign(t.deps.db);
    const ids = await addSigners(t.deps.db, campaign.id, [
      {
        name: 'Ingrid "Inga" Berg, Oslo',
        email: "inga@example.org",
        country: "NO",
        createdAt: "2026-03-01T10:00:00.000Z",
      },
      {
        name: "أمينة حسن",
        email: "amina@example.org",
        country: "SY",
        comment: "مرحبًا\r\nبكم, هنا",
        createdAt: "2026-03-02T23:59:59.000Z",
      },
      {
        name: "Zoë Martin",
        email: "zoe@example.org",
        country: "FR",
        status: "pending",
        createdAt: "2026-03-03T00:00:00.000Z",
      },
      {
        name: "Bot",
        email: "bot@example.org",
        country: "NO",
        status: "invalidated",
        createdAt: "2026-03-03T12:00:00.000Z",
      },
      {
        name: '=HYPERLINK("http://evil.example","click")',
        email: "formula@example.org",
        country: "GB",
        comment: "+1 for this",
        utmSource: "@mention",
        createdAt: "2026-03-04T00:00:00.000Z",
      },
      {
        name: "-2+3",
        email: "minus@example.org",
        country: "GB",
        comment: "\tindented",
        utmSource: "\rcarriage",
        createdAt: "2026-03-04T00:00:00.000Z",
      },
      {
        name: "Gone Person",
        email: "gone@example.org",
        country: "SE",
        comment: "private words",
        postcode: "0150",
        createdAt: "2026-03-05T00:00:00.000Z",
      },
    ]);
    erasedId = ids[6] as number;
    await eraseSupporter(t.deps, erasedId);
  });
  afterAll(async () => t.app.close());

  it("sends every field intact: quotes, commas, line breaks and Arabic, in a UTF-8 file with a BOM", async () => {
    const res = await download({});
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(
      new RegExp(`^attachment; filename="signatures-${campaign.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = csvObjects(res.body);
    expect(rows).toHaveLength(7);
    const inga = rows.find((r) => r.Email === "inga@example.org");
    expect(inga?.Name).toBe('Ingrid "Inga" Berg, Oslo');
    expect(inga?.["Country (code)"]).toBe("NO");
    expect(inga?.Status).toBe("confirmed");
    expect(inga?.["Signed at (UTC)"]).toBe("2026-03-01T10:00:00.000Z");
    const amina = rows.find((r) => r.Email === "amina@example.org");
    expect(amina?.Name).toBe("أمينة حسن");
    expect(amina?.Comment).toBe("مرحبًا\r\nبكم, هنا");
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "ID",
      "Status",
      "Signed at (UTC)",
      "Confirmed at (UTC)",
      "Name",
      "Email",
      "Country (code)",
      "Postcode",
      "Comment",
      "Name shown publicly (1 = yes)",
      "Language (code)",
      "Referral code",
      "Came through referral code",
      "Source (utm_source)",
      "Medium (utm_medium)",
      "Campaign (utm_campaign)",
      "Term (utm_term)",
      "Content (utm_content)",
      "Referring site",
    ]);
  });

  it("defuses every cell a spreadsheet would run as a formula", async () => {
    const rows = csvObjects((await download({})).body);
    const formula = rows.find((r) => r.Email === "formula@example.org");
    expect(formula?.Name).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(formula?.Comment).toBe("'+1 for this");
    expect(formula?.["Source (utm_source)"]).toBe("'@mention");
    const minus = rows.find((r) => r.Email === "minus@example.org");
    expect(minus?.Name).toBe("'-2+3");
    expect(minus?.Comment).toBe("'\tindented");
    expect(minus?.["Source (utm_source)"]).toBe("'\rcarriage");
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("keeps an erased signer's row, counted, with nothing personal in it", async () => {
    const res = await download({});
    expect(res.body).not.toContain("gone@example.org");
    expect(res.body).not.toContain("Gone Person");
    expect(res.body).not.toContain("private words");
    expect(res.body).not.toContain(`erased-${erasedId}`);
    const erased = csvObjects(res.body).filter((r) => r["Country (code)"] === "SE");
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ Name: "", Email: "", Comment: "", Postcode: "", Status: "confirmed" });
  });

  it("filters by status, by country and by the days signed, both days included", async () => {
    const emails = async (fields: Record<string, string>) =>
      csvObjects((await download(fields)).body)
        .map((r) => r.Email)
        .sort();
    expect(await emails({ status: "confirmed", country: "NO" })).toEqual(["inga@example.org"]);
    expect(await emails({ status: "pending" })).toEqual(["zoe@example.org"]);
    expect(await emails({ status: "invalidated" })).toEqual(["bot@example.org"]);
    expect(await emails({ from: "2026-03-02", to: "2026-03-03" })).toEqual([
      "amina@example.org",
      "bot@example.org",
      "zoe@example.org",
    ]);
    expect(await emails({ status: "confirmed", from: "2026-03-04" })).toEqual([
      "",
      "formula@example.org",
      "minus@example.org",
    ]);
    expect(await emails({ country: "DE" })).toEqual([]);
  });

  it("writes the headings in the language of the page the form was on", async () => {
    const res = await download({}, campaigner, "/ar");
    expect(res.statusCode).toBe(200);
    const [headings] = parseCsv(res.body.slice(1));
    expect(headings?.slice(0, 6)).toEqual([
      "المعرّف",
      "الحالة",
      "وقت التوقيع (UTC)",
      "وقت التأكيد (UTC)",
      "الاسم",
      "البريد الإلكتروني",
    ]);
  });

  it("records who exported what, with which filters and how many rows", async () => {
    const before = await t.deps.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "export.signatures")
      .execute();
    await download({ status: "confirmed", country: "NO" });
    const records = await t.deps.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "export.signatures")
      .orderBy("id")
      .execute();
    expect(records).toHaveLength(before.length + 1);
    const last = records.at(-1);
    expect(last?.entity).toBe("campaign");
    expect(last?.entity_id).toBe(String(campaign.id));
    expect(last?.staff_user_id).not.toBeNull();
    expect(JSON.parse(last?.after ?? "{}")).toEqual({
      filters: { campaignId: campaign.id, status: "confirmed", country: "NO", from: null, until: null },
      rows: 1,
      completed: true,
    });
  });

  it("shows the form again with what is wrong, and exports nothing, for bad filters", async () => {
    const before = await t.deps.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "export.signatures")
      .execute();
    const res = await download({ status: "deleted", country: "XX", from: "2026-02-30", to: "yesterday" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("There is a problem");
    expect(res.body).toContain("Choose which signatures to export");
    expect(res.body).toContain("Choose a country from the list");
    expect(res.body).toContain('href="#field-from"');
    expect(res.body).toContain('href="#field-to"');
    const order = await download({ from: "2026-03-05", to: "2026-03-01" });
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain("The last day cannot come before the first day");
    const after = await t.deps.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "export.signatures")
      .execute();
    expect(after).toHaveLength(before.length);
  });

  it("answers 404 for a campaign that does not exist", async () => {
    const res = await t.app.inject({ url: "/admin/campaigns/999999/export", headers: { cookie: campaigner } });
    expect(res.statusCode).toBe(404);
  });
});
