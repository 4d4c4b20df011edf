import { once } from "node:events";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exportSignatures } from "../../../src/modules/exports/csv-exports.service.ts";
import { signatureBatches, supporterBatches } from "../../../src/modules/exports/exports.repo.ts";
import { i18nFor } from "../../../src/modules/i18n/i18n.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, addSigners, csvObjects, postAdminForm, staffCookie } from "./export-helpers.ts";

const ROWS = 50_000;
const BATCH = 5_000;

describeEachDatabase("a large export, read a batch at a time", (db) => {
  let t: TestApp;
  let campaignId: number;
  const all = () => ({ campaignId, status: null, country: null, from: null, until: null });

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaignId = (await addCampaign(t.deps.db)).id;
    await addSigners(
      t.deps.db,
      campaignId,
      Array.from({ length: ROWS }, (_, i) => ({ country: i % 2 ? "NO" : "SY" })),
    );
  }, 120_000);
  afterAll(async () => t.app.close());

  it("reads the signatures in batches of at most the batch size, each after the last", async () => {
    const sizes: number[] = [];
    let last = 0;
    for await (const batch of signatureBatches(t.deps, all(), BATCH)) {
      sizes.push(batch.length);
      expect(batch[0]?.id).toBeGreaterThan(last);
      last = batch.at(-1)?.id ?? last;
    }
    expect(sizes).toEqual(Array(ROWS / BATCH).fill(BATCH));
    const supporterSizes: number[] = [];
    for await (const batch of supporterBatches(
      t.deps.db,
      { membersOnly: false, withConsent: false, country: "SY", locale: null, since: null },
      BATCH,
    )) {
      supporterSizes.push(batch.length);
    }
    expect(Math.max(...supporterSizes)).toBeLessThanOrEqual(BATCH);
    expect(supporterSizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(ROWS / 2);
  });

  it("makes the file one chunk per batch, and reads no further than the reader has taken", async () => {
    await staffCookie(t, "campaigner");
    const staff = await t.deps.db.selectFrom("staff_users").select("id").executeTakeFirstOrThrow();
    const stream = exportSignatures(t.deps, {
      staffUserId: staff.id,
      i18n: i18nFor("en"),
      filter: all(),
      batchSize: BATCH,
    });
    const chunks: string[] = [];
    await new Promise<void>((resolve) => {
      stream.on("data", (chunk: Buffer) => {
        chunks.push(chunk.toString("utf8"));
        if (chunks.length === 2) {
          stream.pause();
          resolve();
        }
      });
    });
    expect(chunks[0]).toMatch(/^\uFEFFID,Status,[^\r\n]*\r\n$/);
    expect((chunks[1] ?? "").split("\r\n").length - 1).toBe(BATCH);
    // The reader goes away after one batch: the export stops there, recorded as cut off.
    stream.destroy();
    await once(stream, "close");
    const record = await t.deps.db
      .selectFrom("audit_log")
      .select("after")
      .where("action", "=", "export.signatures")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const after = JSON.parse(record.after ?? "{}") as { rows: number; completed: boolean };
    expect(after.completed).toBe(false);
    expect(after.rows).toBeLessThan(ROWS);
  });

  it("downloads all the rows, every one parsed", async () => {
    const cookie = await staffCookie(t, "campaigner");
    const res = await postAdminForm(
      t.app,
      cookie,
      `/admin/campaigns/${campaignId}/export`,
      `/admin/campaigns/${campaignId}/signatures.csv`,
      { status: "all" },
    );
    expect(res.statusCode).toBe(200);
    const rows = csvObjects(res.body);
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((r) => r.ID)).size).toBe(ROWS);
    expect(rows.filter((r) => r["Country (code)"] === "SY")).toHaveLength(ROWS / 2);
  }, 60_000);
});
