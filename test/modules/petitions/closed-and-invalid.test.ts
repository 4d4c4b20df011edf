import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  addCampaign,
  countOf,
  newEmail,
  pressConfirm,
  SLUG,
  sign,
  signAndGetToken,
  signaturesOf,
  signer,
  supportersWith,
  uniqueSlug,
} from "./petition-helpers.ts";

describeEachDatabase("petitions that cannot take a signature", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  /** How many rows the tables a signature writes to hold. */
  async function written() {
    const count = async (table: "signatures" | "supporters" | "consents" | "jobs" | "mail_outbox") =>
      Number(
        (
          await t.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      signatures: await count("signatures"),
      supporters: await count("supporters"),
      consents: await count("consents"),
      jobs: await count("jobs"),
      mail: await count("mail_outbox"),
    };
  }

  it.each([
    ["closed", "This petition is closed and no longer takes signatures."],
    ["won", "We won! This petition no longer takes signatures."],
  ] as const)("shows a %s petition's notice and no sign form", async (status, notice) => {
    const slug = uniqueSlug(status);
    await addCampaign(t.deps.db, slug, { status });
    const page = await t.app.inject(`/campaigns/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(notice);
    expect(page.body).not.toContain(`action="/campaigns/${slug}/signatures"`);
    expect(page.body).not.toContain('name="email"');
  });

  it("refuses a signature on a petition closed since its page was opened, and writes nothing", async () => {
    const slug = uniqueSlug("closing");
    await addCampaign(t.deps.db, slug);
    const before = await written();
    await t.deps.db.updateTable("campaigns").set({ status: "closed" }).where("slug", "=", slug).execute();
    const email = newEmail();
    const res = await postForm(
      t.app,
      `/campaigns/${SLUG}`,
      `/campaigns/${slug}/signatures`,
      signer({ email, updates: "yes" }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("This petition is closed");
    expect(res.body).toContain("nothing was recorded");
    expect(await written()).toEqual(before);
    expect(await supportersWith(t.deps.db, email)).toEqual([]);
  });

  it("does not count a signature confirmed after its petition closed, and says why", async () => {
    const slug = uniqueSlug("closed-before-confirm");
    await addCampaign(t.deps.db, slug);
    const email = newEmail();
    const token = await signAndGetToken(t, slug, signer({ email }));
    await t.deps.db.updateTable("campaigns").set({ status: "won" }).where("slug", "=", slug).execute();
    const page = await t.app.inject(`/signatures/confirm?token=${token}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain("This petition closed before your signature was confirmed");
    const pressed = await pressConfirm(t.app, token);
    expect(pressed.statusCode).toBe(410);
    expect(await countOf(t.app, slug)).toBe(0);
    expect((await signaturesOf(t.deps.db, slug)).map((s) => s.status)).toEqual(["pending"]);
  });

  it("answers an unknown petition with 404, to a visit and to a signature", async () => {
    expect((await t.app.inject("/campaigns/no-such-petition")).statusCode).toBe(404);
    const before = await written();
    const res = await postForm(t.app, `/campaigns/${SLUG}`, "/campaigns/no-such-petition/signatures", signer());
    expect(res.statusCode).toBe(404);
    expect(await written()).toEqual(before);
  });

  it("shows an invalid form again with an error summary that links to each field", async () => {
    const before = await written();
    const res = await sign(t.app, SLUG, { name: "", email: "amina@", country: "XX", comment: "c".repeat(501) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<title>Error: /);
    expect(res.body).toContain('class="error-summary"');
    for (const field of ["name", "email", "country", "comment"]) {
      expect(res.body).toContain(`<a href="#field-${field}">`);
      expect(res.body).toContain(`id="field-${field}-error"`);
    }
    expect(res.body).not.toContain('href="#field-postcode"');
    expect(await written()).toEqual(before);
  });

  it("keeps what was typed, escaped, and writes nothing", async () => {
    const before = await written();
    const typed = {
      name: 'Amina <b>Bold</b> "Rahimi"',
      email: "amina@mailinator.com",
      country: "SE",
      postcode: "0150",
      comment: "</textarea><script>alert(1)</script>",
      updates: "yes",
      public: "yes",
      ref: "friendCode",
      utm_source: "whatsapp",
    };
    const res = await sign(t.app, SLUG, typed);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#field-email">Please use an email address that you keep');
    expect(res.body).not.toContain('<a href="#field-name">');
    expect(res.body).toContain('value="Amina &lt;b>Bold&lt;/b> &quot;Rahimi&quot;"');
    expect(res.body).not.toContain("<b>Bold</b>");
    expect(res.body).toContain('value="amina@mailinator.com"');
    expect(res.body).toMatch(/<option value="SE" selected(="")?>/);
    expect(res.body).toContain('value="0150"');
    expect(res.body).toContain("&lt;/textarea>&lt;script>alert(1)&lt;/script></textarea>");
    expect(res.body).not.toContain("<script>alert(1)");
    expect(res.body).toMatch(/id="field-updates" name="updates" value="yes" checked/);
    expect(res.body).toMatch(/id="field-public" name="public" value="yes" checked/);
    expect(res.body).toContain('<input type="hidden" name="ref" value="friendCode"');
    expect(res.body).toContain('<input type="hidden" name="utm_source" value="whatsapp"');
    expect(await written()).toEqual(before);
    expect(await signaturesOf(t.deps.db, SLUG)).toEqual([]);
  });
});
