import { once } from "node:events";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eraseSupporter } from "../../../src/modules/community/your-data.service.ts";
import { deliveryPack } from "../../../src/modules/exports/delivery-pack.service.ts";
import { findCampaign } from "../../../src/modules/exports/exports.repo.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, addSigners, postAdminForm, staffCookie } from "./export-helpers.ts";
import { readPdf } from "./read-pdf.ts";

const TITLE = "Stop the returns to Afghanistan";

describeEachDatabase("the delivery pack", (db) => {
  let t: TestApp;
  let campaigner: string;
  let campaign: { id: number; slug: string };
  const download = (fields: Record<string, string>, prefix = "") =>
    postAdminForm(
      t.app,
      campaigner,
      `${prefix}/admin/campaigns/${campaign.id}/delivery`,
      `${prefix}/admin/campaigns/${campaign.id}/delivery.pdf`,
      fields,
    );

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaigner = await staffCookie(t, "campaigner");
    campaign = await addCampaign(t.deps.db, {
      title: TITLE,
      target: "Norway's Minister of Justice",
      body: "Thousands of students stood by a **classmate**.\n\n- Resettlement\n- Family reunification",
    });
    const ids = await addSigners(t.deps.db, campaign.id, [
      { name: "Ingrid Berg", country: "NO", comment: "Welcome, neighbour" },
      { name: "أمينة حسن", country: "SY", comment: "مرحبا بكم في النرويج" },
      { name: "Kari Nordmann", country: "NO" },
      { name: "Still Waiting", country: "FR", status: "pending" },
      { name: "Removed Bot", country: "NO", status: "invalidated" },
      { name: "Erased Person", country: "SE", comment: "do not print me" },
    ]);
    await eraseSupporter(t.deps, ids[5] as number);
  });
  afterAll(async () => t.app.close());

  it("prints the petition, its target, the total, the table by country and every confirmed signer", async () => {
    const res = await download({ language: "en" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(
      new RegExp(`^attachment; filename="delivery-${campaign.slug}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`),
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.title).toBe(TITLE);
    expect(pdf.all).toContain(TITLE);
    expect(pdf.all).toContain("To: Norway's Minister of Justice");
    expect(pdf.all).toContain("4 people signed this petition.");
    expect(pdf.all).toContain("Thousands of students stood by a classmate.");
    expect(pdf.all).toContain("• Family reunification");
    expect(pdf.all).toContain("Norway 2");
    expect(pdf.all).toContain("Syria 1");
    expect(pdf.all).toContain("Ingrid Berg Norway");
    expect(pdf.all).toContain("أمينة حسن Syria");
    expect(pdf.all).toContain("Name removed at the signer's request Sweden");
    const text = pdf.all.join("\n");
    for (const absent of ["Still Waiting", "Removed Bot", "Erased Person", "do not print me", "Welcome, neighbour"]) {
      expect(text).not.toContain(absent);
    }
    expect(pdf.all.at(-1)).toBe("Page 1");
  });

  it("adds the signers' comments when asked", async () => {
    const pdf = await readPdf((await download({ language: "en", comments: "yes" })).rawPayload);
    expect(pdf.all).toContain("Welcome, neighbour");
    expect(pdf.all).toContain("مرحبا بكم في النرويج");
    expect(pdf.all.join("\n")).not.toContain("do not print me");
  });

  it("lays the pack out right to left in Arabic, names and numbers in their own order", async () => {
    const res = await download({ language: "ar" }, "/ar");
    expect(res.statusCode).toBe(200);
    const raw = res.rawPayload.toString("latin1");
    expect(raw).toContain("/Lang (ar)");
    expect(raw).toContain("/Direction /R2L");
    const pdf = await readPdf(res.rawPayload, "rtl");
    // Intl writes Arabic numbers with Western digits unless told otherwise.
    expect(pdf.all).toContain("وقّع 4 أشخاص هذه العريضة.");
    // pdf.js reads this mixed line as one item, left to right as drawn: the Arabic word at
    // the right edge (where the line starts), its colon to its left, then the English name.
    expect(pdf.all).toContain("Norway's Minister of Justice :إلى");
    expect(pdf.all).toContain("البلد التوقيعات");
    expect(pdf.all).toContain("النرويج 2");
    expect(pdf.all).toContain("أمينة حسن سوريا");
    expect(pdf.all).toContain("Ingrid Berg النرويج");
    expect(pdf.all.at(-1)).toBe("الصفحة 1");
  });

  it("records the pack in the audit log with its options and the number of signers", async () => {
    await download({ language: "en", comments: "yes" });
    const last = await t.deps.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "export.delivery-pack")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(last.entity_id).toBe(String(campaign.id));
    expect(JSON.parse(last.after ?? "{}")).toEqual({
      locale: "en",
      comments: true,
      total: 4,
      signers: 4,
      completed: true,
    });
  });

  it("names the target's office when the campaign gives one", async () => {
    const withOffice = await addCampaign(t.deps.db, { target: "Jonas Berg", office: "Minister of Justice" });
    await addSigners(t.deps.db, withOffice.id, [{ name: "Amina" }]);
    const res = await postAdminForm(
      t.app,
      campaigner,
      `/admin/campaigns/${withOffice.id}/delivery`,
      `/admin/campaigns/${withOffice.id}/delivery.pdf`,
      { language: "en" },
    );
    expect((await readPdf(res.rawPayload)).all).toContain("To: Jonas Berg, Minister of Justice");
  });

  it("goes on to as many pages as the signers need, each numbered", async () => {
    const big = await addCampaign(t.deps.db, { title: "Many signers" });
    await addSigners(
      t.deps.db,
      big.id,
      Array.from({ length: 400 }, (_, i) => ({ name: `Signer number ${i}` })),
    );
    const res = await postAdminForm(
      t.app,
      campaigner,
      `/admin/campaigns/${big.id}/delivery`,
      `/admin/campaigns/${big.id}/delivery.pdf`,
      { language: "en" },
    );
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.pages).toBeGreaterThan(5);
    pdf.lines.forEach((lines, i) => {
      expect(lines.at(-1)).toBe(`Page ${i + 1}`);
    });
    const names = pdf.all.filter((l) => l.startsWith("Signer number "));
    expect(names).toHaveLength(400);
  });

  it("stops drawing when the reader goes away, and records how far it got", async () => {
    const big = await addCampaign(t.deps.db, { title: "A pack nobody waits for" });
    await addSigners(
      t.deps.db,
      big.id,
      Array.from({ length: 3000 }, (_, i) => ({ name: `Signer ${i}` })),
    );
    const staff = await t.deps.db.selectFrom("staff_users").select("id").executeTakeFirstOrThrow();
    const campaignRow = await findCampaign(t.deps.db, big.id);
    if (!campaignRow) throw new Error("no campaign");
    const pack = await deliveryPack(t.deps, {
      staffUserId: staff.id,
      campaign: campaignRow,
      locale: "en",
      comments: false,
      batchSize: 100,
    });
    // Take the first bytes, then go away as a closed browser tab does.
    await new Promise<void>((resolve) =>
      pack.once("data", () => {
        pack.pause();
        resolve();
      }),
    );
    const closed = once(pack, "close");
    pack.destroy();
    await closed;
    // The drawing notices at the end of the batch it is on, and records how far it got.
    const recorded = () =>
      t.deps.db
        .selectFrom("audit_log")
        .select("after")
        .where("action", "=", "export.delivery-pack")
        .where("entity_id", "=", String(big.id))
        .executeTakeFirst();
    await expect.poll(recorded, { timeout: 10_000 }).toBeDefined();
    const record = await recorded();
    const after = JSON.parse(record?.after ?? "{}") as { signers: number; completed: boolean; total: number };
    expect(after.completed).toBe(false);
    expect(after.total).toBe(3000);
    expect(after.signers).toBeLessThan(3000);
  });
});
