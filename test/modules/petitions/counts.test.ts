import { get, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CountRow } from "../../../src/modules/petitions/counts.repo.ts";
import { reconcileCounts } from "../../../src/modules/petitions/counts.repo.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, countOf, pressConfirm, signAndGetToken, signer, uniqueSlug } from "./petition-helpers.ts";

/** A Server-Sent Events stream, read one message at a time. */
function openEvents(url: string) {
  const messages: { event: string; data: unknown }[] = [];
  const waiters: (() => void)[] = [];
  let response: IncomingMessage | undefined;
  const request = get(url, (res) => {
    response = res;
    let buffer = "";
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf("\n\n");
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) messages.push({ event, data: JSON.parse(data) });
        for (const wake of waiters.splice(0)) wake();
        end = buffer.indexOf("\n\n");
      }
    });
  });
  request.on("error", () => {});
  return {
    headers: () => response?.headers,
    async next(timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length === 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
      return messages.shift();
    },
    close: () => request.destroy(),
  };
}

describeEachDatabase("keeping counts right and live", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  async function freshCampaign() {
    const slug = uniqueSlug("count");
    return { slug, id: await addCampaign(t.deps.db, slug) };
  }

  it("reconciling puts a tampered count back to the number of confirmed signatures", async () => {
    const { slug, id } = await freshCampaign();
    for (const country of ["NO", "SE"]) await pressConfirm(t.app, await signAndGetToken(t, slug, signer({ country })));
    await signAndGetToken(t, slug, signer({ country: "DK" })); // pending: not counted
    await t.deps.db.updateTable("campaign_counts").set({ total: 999 }).where("campaign_id", "=", id).execute();
    await t.deps.db
      .insertInto("campaign_country_counts")
      .values({ campaign_id: id, country: "US", total: 5 })
      .execute();

    const result = await t.deps.db.transaction().execute((trx) => reconcileCounts(trx, t.deps.dialect, id));
    expect(result).toEqual({ before: 999, after: 2 });
    const total = await t.deps.db
      .selectFrom("campaign_counts")
      .select("total")
      .where("campaign_id", "=", id)
      .executeTakeFirst();
    expect(total?.total).toBe(2);
    const byCountry = await t.deps.db
      .selectFrom("campaign_country_counts")
      .select(["country", "total"])
      .where("campaign_id", "=", id)
      .orderBy("country")
      .execute();
    expect(byCountry).toEqual([
      { country: "NO", total: 1 },
      { country: "SE", total: 1 },
    ]);
    t.deps.counts.changed(id);
    expect(await countOf(t.app, slug)).toBe(2);
  });

  it("reconciling a campaign with no counts row makes one", async () => {
    const { id } = await freshCampaign();
    const result = await t.deps.db.transaction().execute((trx) => reconcileCounts(trx, t.deps.dialect, id));
    expect(result).toEqual({ before: 0, after: 0 });
    const row = await t.deps.db
      .selectFrom("campaign_counts")
      .select("total")
      .where("campaign_id", "=", id)
      .executeTakeFirst();
    expect(row?.total).toBe(0);
  });

  it("tells a subscriber the new count as soon as a signature is confirmed", async () => {
    const { slug, id } = await freshCampaign();
    const token = await signAndGetToken(t, slug, signer());
    const seen: CountRow[] = [];
    let heard: () => void = () => {};
    const moved = new Promise<void>((resolve) => {
      heard = resolve;
    });
    const stop = t.deps.counts.subscribe(id, (row) => {
      seen.push(row);
      heard();
    });
    try {
      await t.deps.counts.current(id);
      await pressConfirm(t.app, token);
      await Promise.race([moved, new Promise((_, reject) => setTimeout(() => reject(new Error("no count")), 2000))]);
      expect(seen[0]).toMatchObject({ total: 1, updatedAt: expect.any(String) });
    } finally {
      stop();
    }
    expect(t.deps.counts.viewers()).toBe(0);
  });

  it("tells a subscriber of a count moved by another process, within about a second", async () => {
    const { id } = await freshCampaign();
    const heard = new Promise<CountRow>((resolve) => {
      const stop = t.deps.counts.subscribe(id, (row) => {
        stop();
        resolve(row);
      });
    });
    await t.deps.counts.current(id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const at = new Date().toISOString();
    await t.deps.db.insertInto("campaign_counts").values({ campaign_id: id, total: 7, updated_at: at }).execute();
    const started = Date.now();
    const row = await Promise.race([
      heard,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no count")), 2500)),
    ]);
    expect(row).toEqual({ total: 7, updatedAt: at });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("streams the count to an open page, and the next one within 3 seconds of a confirmation", async () => {
    const { slug } = await freshCampaign();
    const token = await signAndGetToken(t, slug, signer());
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const events = openEvents(`http://127.0.0.1:${port}/campaigns/${slug}/live`);
    try {
      expect(await events.next(3000)).toMatchObject({ event: "count", data: { total_signatures: 0, goal: 1000 } });
      expect(events.headers()?.["content-type"]).toBe("text/event-stream; charset=utf-8");
      await pressConfirm(t.app, token);
      const started = Date.now();
      expect(await events.next(3000)).toMatchObject({
        event: "count",
        data: { total_signatures: 1, label: "1 signature" },
      });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      events.close();
    }
    await expect.poll(() => t.deps.counts.viewers()).toBe(0);
  });
});
