import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseDomain, normaliseRange, RuleMatcher } from "../../../src/modules/abuse/rules.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, ERROR_SUMMARY, get, post, staffCookies } from "../admin/admin-helpers.ts";
import { addCampaign, countOf, signaturesOf, signer, uniqueSlug } from "../petitions/petition-helpers.ts";
import { signFrom } from "./abuse-helpers.ts";

describe("the lists' entries, written one way", () => {
  it("reads domains and ranges, and refuses what is neither", () => {
    expect(normaliseDomain("@Flood.Example.")).toBe("flood.example");
    expect(normaliseDomain("bücher.example")).toBe("xn--bcher-kva.example");
    expect(normaliseDomain("not a domain")).toBeNull();
    expect(normaliseRange("203.0.113.77/24")).toBe("203.0.113.0/24");
    expect(normaliseRange("198.51.100.7")).toBe("198.51.100.7/32");
    expect(normaliseRange("2001:DB8:aa:bb::1/48")).toBe("2001:db8:aa::/48");
    for (const bad of ["10.0.0.0/4", "::/0", "1.2.3.4/33", "1.2.3/24", "x/8", "1.2.3.4/24/1"]) {
      expect(normaliseRange(bad), bad).toBeNull();
    }
  });

  it("matches an address in a range, mapped IPv4 too, and lets an allow entry win", () => {
    const m = new RuleMatcher([
      { kind: "network", action: "block", value: "203.0.113.0/24" },
      { kind: "network", action: "allow", value: "203.0.113.8/32" },
      { kind: "network", action: "block", value: "2001:db8::/32" },
      { kind: "email-domain", action: "block", value: "flood.example" },
      { kind: "email-domain", action: "allow", value: "ok.flood.example" },
    ]);
    expect(m.network("203.0.113.9")).toBe("block");
    expect(m.network("::ffff:203.0.113.9")).toBe("block");
    expect(m.network("203.0.113.8")).toBe("allow");
    expect(m.network("203.0.114.1")).toBeNull();
    expect(m.network("2001:db8:1::5")).toBe("block");
    expect(m.emailDomain("a@mail.flood.example")).toBe("block");
    expect(m.emailDomain("a@ok.flood.example")).toBe("allow");
    expect(m.emailDomain("a@notflood.example")).toBeNull();
  });
});

describeEachDatabase("block and allow lists in the admin", (db) => {
  let t: TestApp;
  let campaigner: Cookies;
  let moderator: Cookies;
  let slug: string;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaigner = await staffCookies(t, "campaigner");
    moderator = await staffCookies(t, "moderator");
    slug = uniqueSlug("lists");
    await addCampaign(t.deps.db, slug, { policy: "instant" });
  });
  afterAll(async () => t.app.close());

  const add = (fields: Record<string, string>, who = campaigner) =>
    post(t.app, "/admin/abuse", "/admin/abuse/rules", fields, who);
  const rules = () => t.deps.db.selectFrom("abuse_rules").select(["id", "kind", "action", "value"]).execute();
  const signFromHere = (address: string, fields: Record<string, string>) => signFrom(t.app, slug, address, fields);

  it("keeps the lists from moderators and from anyone not signed in", async () => {
    expect((await get(t.app, "/admin/abuse", moderator)).statusCode).toBe(403);
    expect((await get(t.app, "/admin/abuse")).statusCode).toBe(303);
    const campaignerPage = await get(t.app, "/admin/abuse", campaigner);
    expect(campaignerPage.statusCode).toBe(200);
    expect(campaignerPage.body).toContain('href="/admin/abuse"');
  });

  it("refuses bad input with an error summary, and adds nothing", async () => {
    const bad: Record<string, string>[] = [
      { kind: "network", action: "block", value: "0.0.0.0/0" },
      { kind: "email-domain", action: "block", value: "<script>" },
      { kind: "ip", action: "block", value: "1.2.3.4" },
      { kind: "network", action: "maybe", value: "1.2.3.4" },
      { kind: "email-domain", action: "block", value: "ok.example", note: "x".repeat(201) },
    ];
    for (const fields of bad) {
      const res = await add(fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain(ERROR_SUMMARY);
    }
    expect(await rules()).toEqual([]);
  });

  it("holds a blocked domain's signatures quietly, and records who added the entry", async () => {
    const res = await add({ kind: "email-domain", action: "block", value: "Flood.Example", note: "bot list" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/abuse?added=1");
    const before = await countOf(t.app, slug);
    const signed = await signFromHere("192.0.2.10", signer({ email: `x.${Date.now()}@mail.flood.example` }));
    expect(signed.statusCode).toBe(303);
    expect(signed.headers.location).toMatch(/\/thank-you\?code=/);
    expect(await countOf(t.app, slug)).toBe(before);
    expect((await signaturesOf(t.deps.db, slug)).at(-1)?.status).toBe("invalidated");
    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("action", "=", "abuse-rule.add")
      .execute();
    expect(audit.map((a) => JSON.parse(String(a.after)).value)).toContain("flood.example");
    expect((await add({ kind: "email-domain", action: "allow", value: "flood.example" })).statusCode).toBe(400);
  });

  it("holds a blocked range's signatures, compared with the address at the moment (which is not kept)", async () => {
    await add({ kind: "network", action: "block", value: "198.51.100.0/24" });
    await add({ kind: "network", action: "allow", value: "198.51.100.200" });
    const before = await countOf(t.app, slug);
    await signFromHere("198.51.100.33", signer());
    expect(await countOf(t.app, slug)).toBe(before);
    await signFromHere("198.51.100.200", signer({ email: `y.${Date.now()}@flood.example` }));
    expect(await countOf(t.app, slug)).toBe(before + 1);
    await signFromHere("192.0.2.99", signer());
    expect(await countOf(t.app, slug)).toBe(before + 2);
    const stored = await signaturesOf(t.deps.db, slug);
    expect(JSON.stringify(stored)).not.toContain("198.51.100");
  });

  it("shows held signatures on the petition's abuse page, and releasing them counts them", async () => {
    const id = Number((await signaturesOf(t.deps.db, slug))[0]?.campaign_id);
    const page = await get(t.app, `/admin/campaigns/${id}/abuse`, campaigner);
    expect(page.body).toContain("Held back quietly");
    expect(page.body).toContain("Release 2 signatures: Blocked domain or network");
    const before = await countOf(t.app, slug);
    const res = await post(
      t.app,
      `/admin/campaigns/${id}/abuse`,
      `/admin/campaigns/${id}/abuse/release`,
      { reason: "blocked" },
      campaigner,
    );
    expect(res.headers.location).toBe(`/admin/campaigns/${id}/abuse?released=2`);
    expect(await countOf(t.app, slug)).toBe(before + 2);
    const after = await get(t.app, `/admin/campaigns/${id}/abuse?released=2`, campaigner);
    expect(after.body).toContain("2 signatures were released.");
  });

  it("removes an entry, after which signatures count again", async () => {
    const entry = (await rules()).find((r) => r.value === "198.51.100.0/24");
    const res = await post(t.app, "/admin/abuse", `/admin/abuse/rules/${entry?.id}/delete`, {}, campaigner);
    expect(res.headers.location).toBe("/admin/abuse?removed=1");
    const before = await countOf(t.app, slug);
    await signFromHere("198.51.100.34", signer());
    expect(await countOf(t.app, slug)).toBe(before + 1);
    expect((await post(t.app, "/admin/abuse", "/admin/abuse/rules/999999/delete", {}, campaigner)).statusCode).toBe(
      404,
    );
  });

  it("refuses a write without its CSRF token", async () => {
    const res = await post(
      t.app,
      "/admin/abuse",
      "/admin/abuse/rules",
      { kind: "email-domain", action: "block", value: "csrf.example" },
      campaigner,
      {
        csrf: false,
      },
    );
    expect(res.statusCode).toBe(403);
    expect((await rules()).map((r) => r.value)).not.toContain("csrf.example");
  });
});
