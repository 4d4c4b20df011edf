import { get } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, uniqueSlug } from "./petition-helpers.ts";

/** Opens a petition's live count; resolves once the first event has arrived. */
function openStream(url: string): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    const request = get(url, (response) => {
      response.once("data", () => resolve({ close: () => request.destroy() }));
    });
    request.on("error", reject);
  });
}

describeEachDatabase("live count streams", (db) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => t.app.close());

  it("counts each open stream as a viewer, and lets go of one whose viewer leaves", async () => {
    const slug = uniqueSlug("stream");
    await addCampaign(t.deps.db, slug);
    const streams = await Promise.all([1, 2, 3].map(() => openStream(`${base}/campaigns/${slug}/live`)));
    expect(t.deps.counts.viewers()).toBe(3);
    for (const stream of streams) stream.close();
    // The server hears of each closed connection a moment later.
    while (t.deps.counts.viewers() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(t.deps.counts.viewers()).toBe(0);
  });
});
