import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, pressConfirm, SLUG, signAndGetToken, signer, uniqueSlug } from "./petition-helpers.ts";

interface ListedPetition {
  slug: string;
  title: string;
  status: string;
  target: { name: string }[];
  total_signatures: number;
  goal: number;
  browser_url: string;
}

describeEachDatabase("the petitions API", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  it("lists the public petitions with their counts, open to any site", async () => {
    const closed = uniqueSlug("closed");
    const draft = uniqueSlug("draft");
    await addCampaign(t.deps.db, closed, { status: "closed", goal: 300 });
    await addCampaign(t.deps.db, draft, { status: "draft" });
    const res = await t.app.inject({ url: "/api/v1/petitions", headers: { origin: "https://partner.example" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["content-type"]).toMatch(/^application\/hal\+json/);
    const petitions = (res.json() as { _embedded: { "osdi:petitions": ListedPetition[] } })._embedded["osdi:petitions"];
    expect(petitions.find((p) => p.slug === SLUG)).toMatchObject({
      slug: SLUG,
      title: "Stop sending Afghan asylum seekers back to danger",
      status: "open",
      target: [{ name: "The Norwegian government" }],
      total_signatures: 0,
      goal: 1000,
      browser_url: `http://localhost:3000/campaigns/${SLUG}`,
    });
    expect(petitions.find((p) => p.slug === closed)).toMatchObject({ status: "closed", goal: 300 });
    expect(petitions.map((p) => p.slug)).not.toContain(draft);
  });

  it("answers a petition's count with an ETag, and 304 while it has not moved", async () => {
    const slug = uniqueSlug("etag");
    await addCampaign(t.deps.db, slug);
    const token = await signAndGetToken(t, slug, signer());
    const url = `/api/v1/petitions/${slug}/count`;

    const first = await t.app.inject(url);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ total_signatures: 0, updated_at: null });
    expect(first.headers["access-control-allow-origin"]).toBe("*");
    expect(first.headers["cache-control"]).toMatch(/max-age=\d+/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const unchanged = await t.app.inject({ url, headers: { "if-none-match": etag } });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe("");
    expect(unchanged.headers.etag).toBe(etag);

    await pressConfirm(t.app, token);
    const moved = await t.app.inject({ url, headers: { "if-none-match": etag } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ total_signatures: 1, updated_at: expect.any(String) });
    expect(moved.headers.etag).not.toBe(etag);
  });

  it("gives the page's count.json an ETag too", async () => {
    const first = await t.app.inject(`/campaigns/${SLUG}/count.json`);
    const etag = first.headers.etag as string;
    expect(first.json()).toMatchObject({ total_signatures: 0, goal: 1000, label: "No signatures yet" });
    const again = await t.app.inject({ url: `/campaigns/${SLUG}/count.json`, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
  });

  it("answers an unknown or draft petition with 404", async () => {
    const draft = uniqueSlug("draft");
    await addCampaign(t.deps.db, draft, { status: "draft" });
    for (const slug of ["no-such-petition", draft, "Bad%20Slug"]) {
      expect((await t.app.inject(`/api/v1/petitions/${slug}`)).statusCode).toBe(404);
      expect((await t.app.inject(`/api/v1/petitions/${slug}/count`)).statusCode).toBe(404);
      expect((await t.app.inject(`/campaigns/${slug}/count.json`)).statusCode).toBe(404);
    }
  });

  it("gives a petition with its signatures by country", async () => {
    const res = await t.app.inject(`/api/v1/petitions/${SLUG}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.json()).toMatchObject({
      slug: SLUG,
      status: "open",
      target: [{ name: "The Norwegian government" }],
      total_signatures: 0,
      goal: 1000,
      signatures_by_country: [],
    });
  });
});
