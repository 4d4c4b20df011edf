import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseSupporter } from "../../../src/modules/community/your-data.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, mailTo, pressConfirm, runJobs, tokenIn, uniqueSlug } from "../petitions/petition-helpers.ts";
import { apiGet, bearer, makeApiKey, osdiSignature, uniqueEmail } from "./api-helpers.ts";

type Link = { href: string };
type Page = {
  total_pages: number;
  per_page: number;
  page: number;
  total_records: number;
  _links: Record<string, Link | Link[]>;
  _embedded: Record<string, Record<string, unknown>[]>;
};

const HAL = /^application\/hal\+json/;
const PROBLEM = /^application\/problem\+json/;

describeEachDatabase("the OSDI API", (db) => {
  let t: TestApp;
  let key: string;
  let slug: string;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    key = await makeApiKey(t.deps.db, ["read", "write"]);
    slug = uniqueSlug("api");
    await addCampaign(t.deps.db, slug);
  });
  afterAll(async () => t.app.close());

  const record = (email: string, extra: Record<string, unknown> = {}, withKey = key) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/petitions/${slug}/signatures`,
      headers: bearer(withKey),
      payload: osdiSignature(email, extra),
    });
  /** Follows a link as a client would: the absolute href, on this app. */
  const follow = (link: Link) => apiGet(t.app, new URL(link.href).pathname + new URL(link.href).search, key);

  describe("the OSDI round trip", () => {
    it("records a signature with the helper and reads it back through its links", async () => {
      const email = uniqueEmail("roundtrip");
      const created = await record(email, { referrer_data: { source: "partner-newsletter" } });
      expect(created.statusCode).toBe(202);
      expect(created.headers["content-type"]).toMatch(HAL);
      const signature = created.json() as { _links: Record<string, Link>; status: string };
      expect(signature.status).toBe("pending");
      expect(created.headers.location).toBe(signature._links.self?.href);

      const self = await follow(signature._links.self as Link);
      expect(self.statusCode).toBe(200);
      expect(self.json()).toMatchObject({
        status: "pending",
        referrer_data: { source: "partner-newsletter" },
        _links: { "osdi:petition": { href: `http://localhost:3000/api/v1/petitions/${slug}` } },
      });
      const person = await follow(signature._links["osdi:person"] as Link);
      expect(person.json()).toMatchObject({
        given_name: "Sara",
        family_name: "Ahmadi",
        email_addresses: [{ address: email, primary: true }],
        postal_addresses: [{ country: "SE", postal_code: "111 22" }],
      });

      // In the petition's signatures and in the whole collection.
      const list = (await apiGet(t.app, `/api/v1/petitions/${slug}/signatures?per_page=100`, key)).json() as Page;
      const hrefs = (list._links["osdi:signatures"] as Link[]).map((l) => l.href);
      expect(hrefs).toContain(signature._links.self?.href);
      const all = await apiGet(t.app, "/api/v1/signatures?per_page=100", key);
      expect(all.headers["content-type"]).toMatch(HAL);
      expect(all.headers["cache-control"]).toBe("no-store");

      // The signer confirms by email, as on the site; the signature then reads as confirmed.
      await runJobs(t.deps);
      expect((await pressConfirm(t.app, tokenIn((await mailTo(t.deps.db, email)).at(-1)))).statusCode).toBe(303);
      expect((await follow(signature._links.self as Link)).json()).toMatchObject({ status: "confirmed" });
    });

    it("answers a write-only key without the signature, so it cannot tell who had signed", async () => {
      const writeOnly = await makeApiKey(t.deps.db, ["write"]);
      const email = uniqueEmail("writeonly");
      const first = await record(email, {}, writeOnly);
      const again = await record(email, {}, writeOnly);
      expect(first.statusCode).toBe(202);
      expect(first.json()).toEqual({ status: "received" });
      expect(again.json()).toEqual(first.json());
    });
  });

  describe("bad input", () => {
    it("refuses unknown fields and wrong types with a problem document that points at them", async () => {
      const unknown = await record(uniqueEmail(), { add_tags: ["x"] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.headers["content-type"]).toMatch(PROBLEM);
      expect(unknown.json()).toMatchObject({
        status: 400,
        type: "http://localhost:3000/api/v1/docs#problem-invalid-request",
        errors: [{ pointer: "/add_tags", detail: "is not a known field" }],
      });
      const wrongType = await t.app.inject({
        method: "POST",
        url: `/api/v1/petitions/${slug}/signatures`,
        headers: bearer(key),
        payload: { person: { given_name: 12, email_addresses: "sara@example.org" }, updates: "yes" },
      });
      expect(wrongType.statusCode).toBe(400);
      const pointers = (wrongType.json().errors as { pointer: string }[]).map((e) => e.pointer);
      expect(pointers).toEqual(expect.arrayContaining(["/person/given_name", "/person/email_addresses", "/updates"]));
    });

    it("refuses a body that is not JSON, and a form's rules, as problems; never a 500", async () => {
      const broken = await t.app.inject({
        method: "POST",
        url: `/api/v1/petitions/${slug}/signatures`,
        headers: { ...bearer(key), "content-type": "application/json" },
        payload: "{not json",
      });
      expect(broken.statusCode).toBe(400);
      expect(broken.headers["content-type"]).toMatch(PROBLEM);
      const badEmail = await record("not-an-address");
      expect(badEmail.statusCode).toBe(400);
      expect(badEmail.json().errors).toEqual([
        { pointer: "/person/email_addresses/0/address", detail: expect.any(String) },
      ]);
      const nothing = await record(uniqueEmail(), {}, key).then(() =>
        t.app.inject({
          method: "POST",
          url: "/api/v1/petitions/no-such-petition/signatures",
          headers: bearer(key),
          payload: osdiSignature(uniqueEmail()),
        }),
      );
      expect(nothing.statusCode).toBe(404);
      expect(nothing.headers["content-type"]).toMatch(PROBLEM);
    });

    it("refuses huge pages, bad page numbers and unknown query parameters", async () => {
      const huge = await apiGet(t.app, "/api/v1/people?per_page=100000", key);
      expect(huge.statusCode).toBe(400);
      expect(huge.json()).toMatchObject({ status: 400, detail: expect.stringContaining("at most 100") });
      expect((await apiGet(t.app, "/api/v1/people?page=0", key)).statusCode).toBe(400);
      expect((await apiGet(t.app, "/api/v1/people?page=two", key)).statusCode).toBe(400);
      expect((await apiGet(t.app, "/api/v1/people?sort=name", key)).json()).toMatchObject({
        status: 400,
        errors: [{ pointer: "sort", detail: "is not a known field" }],
      });
      expect((await apiGet(t.app, "/api/v1/people/abc", key)).statusCode).toBe(400);
      const missing = await apiGet(t.app, "/api/v1/nothing-here", key);
      expect(missing.statusCode).toBe(404);
      expect(missing.headers["content-type"]).toMatch(PROBLEM);
    });

    it("refuses filters on anything but the modified date with a clear 400", async () => {
      for (const filter of [
        "given_name eq 'Sara'",
        "modified_date ge '2026-01-01T00:00:00Z'",
        "modified_date gt 'yesterday'",
        "modified_date gt '2026-01-01' or modified_date lt '2027-01-01'",
      ]) {
        const res = await apiGet(t.app, `/api/v1/people?filter=${encodeURIComponent(filter)}`, key);
        expect(res.statusCode, filter).toBe(400);
        expect(res.json(), filter).toMatchObject({ type: expect.stringContaining("unknown-filter") });
      }
    });
  });

  describe("pages and filters", () => {
    it("pages through people with self, next and prev links and the total", async () => {
      for (let i = 0; i < 3; i++) await record(uniqueEmail("pages"));
      const first = (await apiGet(t.app, "/api/v1/people?per_page=2", key)).json() as Page;
      expect(first.per_page).toBe(2);
      expect(first.page).toBe(1);
      expect(first.total_records).toBeGreaterThanOrEqual(3);
      expect(first.total_pages).toBe(Math.ceil(first.total_records / 2));
      expect(first._embedded["osdi:people"]).toHaveLength(2);
      expect(first._links.prev).toBeUndefined();
      const next = first._links.next as Link;
      expect(next.href).toBe("http://localhost:3000/api/v1/people?page=2&per_page=2");
      const second = (await follow(next)).json() as Page;
      expect(second.page).toBe(2);
      expect((second._links.prev as Link).href).toBe("http://localhost:3000/api/v1/people?page=1&per_page=2");
      const ids = (p: Page) => p._embedded["osdi:people"]?.map((x) => (x.identifiers as string[])[0]);
      expect(ids(second)).not.toEqual(expect.arrayContaining(ids(first) ?? []));
    });

    it("filters by modified date: after, before, and a range", async () => {
      const before = new Date().toISOString();
      // Stamps are to the millisecond: the person is recorded strictly after `before`.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const email = uniqueEmail("filtered");
      await record(email);
      const after = new Date(Date.now() + 1000).toISOString();
      const addresses = async (filter: string) => {
        const res = await apiGet(t.app, `/api/v1/people?per_page=100&filter=${encodeURIComponent(filter)}`, key);
        expect(res.statusCode, filter).toBe(200);
        return (res.json() as Page)._embedded["osdi:people"]?.map(
          (p) => (p.email_addresses as { address: string }[])[0]?.address,
        );
      };
      expect(await addresses(`modified_date gt '${before}'`)).toEqual([email]);
      expect(await addresses(`modified_date lt '${before}'`)).not.toContain(email);
      expect(await addresses(`modified_date gt '${before}' and modified_date lt '${after}'`)).toEqual([email]);
      expect(await addresses(`modified_date gt '${after}'`)).toEqual([]);
      // The filter is kept in the page links.
      const page = (
        await apiGet(
          t.app,
          `/api/v1/people?per_page=1&filter=${encodeURIComponent(`modified_date gt '${before}'`)}`,
          key,
        )
      ).json() as Page;
      expect((page._links.self as Link).href).toContain("filter=modified_date");
    });
  });

  describe("what people may be seen", () => {
    it("never shows an erased person, nor links their counted signature to them", async () => {
      const instant = uniqueSlug("instant");
      await addCampaign(t.deps.db, instant, { policy: "instant" });
      const email = uniqueEmail("erased");
      const res = await t.app.inject({
        method: "POST",
        url: `/api/v1/petitions/${instant}/signatures`,
        headers: bearer(key),
        payload: osdiSignature(email),
      });
      const signature = res.json() as { _links: Record<string, Link>; status: string };
      expect(signature.status).toBe("confirmed");
      const personPath = new URL((signature._links["osdi:person"] as Link).href).pathname;
      const id = Number(personPath.split("/").at(-1));
      await eraseSupporter(t.deps, id);
      expect((await apiGet(t.app, personPath, key)).statusCode).toBe(404);
      const people = (await apiGet(t.app, "/api/v1/people?per_page=100", key)).body;
      expect(people).not.toContain(email);
      const after = (await follow(signature._links.self as Link)).json() as { _links: Record<string, Link> };
      expect(after._links["osdi:person"]).toBeUndefined();
    });

    it("lists petitions for anyone in OSDI's shape, and events, attendances and tags for keys", async () => {
      const petitions = (await apiGet(t.app, "/api/v1/petitions")).json() as Page;
      const mine = petitions._embedded["osdi:petitions"]?.find((p) => p.slug === slug);
      expect(mine).toMatchObject({
        title: `Test campaign ${slug}`,
        target: [{ name: "The test government" }],
        browser_url: `http://localhost:3000/campaigns/${slug}`,
        _links: {
          "osdi:record_signature_helper": { href: `http://localhost:3000/api/v1/petitions/${slug}/signatures` },
        },
      });
      for (const path of ["/api/v1/events", "/api/v1/attendances", "/api/v1/tags"]) {
        expect((await apiGet(t.app, path)).statusCode, path).toBe(401);
        const res = await apiGet(t.app, path, key);
        expect(res.statusCode, path).toBe(200);
        expect(res.json()).toHaveProperty("total_records");
      }
      const tags = (await apiGet(t.app, "/api/v1/tags", key)).json() as Page;
      const tag = tags._embedded["osdi:tags"]?.[0] as { _links: { self: Link }; name: string };
      expect(tag.name).toEqual(expect.any(String));
      expect((await follow(tag._links.self)).statusCode).toBe(200);
      const events = (await apiGet(t.app, "/api/v1/events", key)).json() as Page;
      for (const event of events._embedded["osdi:events"] ?? []) {
        expect(JSON.stringify(event)).not.toMatch(/"location":\{[^}]*"address/);
      }
    });
  });
});
