import { afterAll, beforeAll, expect, it } from "vitest";
import { unsubscribeToken } from "../../../src/modules/community/unsubscribe-token.ts";
import { hasCurrentConsent } from "../../../src/modules/supporters/consents.repo.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { newEmail } from "../petitions/petition-helpers.ts";
import { joinAndConfirm, joiner, welcomeMailsTo } from "./community-helpers.ts";

const SIGNATURES_STILL_COUNT = "Petitions you have signed keep your signature: it still counts.";

describeEachDatabase("unsubscribing with one click", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  /** A member who wants emails, and the unsubscribe link of their welcome email (its path and query). */
  async function member() {
    const email = newEmail();
    const supporter = await joinAndConfirm(t, joiner({ email, updates: "yes" }));
    const [welcome] = await welcomeMailsTo(t.deps.db, email);
    const header = (JSON.parse(welcome?.headers ?? "{}") as Record<string, string>)["List-Unsubscribe"] ?? "";
    const link = new URL(header.slice(1, -1));
    return { supporter, link: `${link.pathname}${link.search}` };
  }

  const consentsOf = (supporterId: number) =>
    t.deps.db
      .selectFrom("consents")
      .select(["confirmed_at", "withdrawn_at", "withdrawn_method"])
      .where("supporter_id", "=", supporterId)
      .execute();

  /** What a mail program sends when its Unsubscribe button is pressed: no cookie, no token, no origin. */
  const oneClick = (url: string) =>
    t.app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });

  it("withdraws the consent at the mail program's one-click POST, and says signatures still count", async () => {
    const { supporter, link } = await member();
    expect(await hasCurrentConsent(t.deps.db, supporter.id, "email-updates")).toBe(true);
    const res = await oneClick(link);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("You are unsubscribed");
    expect(res.body).toContain(SIGNATURES_STILL_COUNT);
    const [consent, ...more] = await consentsOf(supporter.id);
    expect(more).toEqual([]);
    expect(consent?.withdrawn_at).not.toBeNull();
    expect(consent?.withdrawn_method).toBe("one-click");
    expect(await hasCurrentConsent(t.deps.db, supporter.id, "email-updates")).toBe(false);
  });

  it("takes the one-click POST as multipart/form-data too, as RFC 8058 recommends", async () => {
    const { supporter, link } = await member();
    const res = await t.app.inject({
      method: "POST",
      url: link,
      headers: { "content-type": "multipart/form-data; boundary=----b0undary" },
      payload:
        '------b0undary\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n------b0undary--\r\n',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(SIGNATURES_STILL_COUNT);
    expect((await consentsOf(supporter.id))[0]?.withdrawn_method).toBe("one-click");
  });

  it("opening the link shows one button and changes nothing; the button unsubscribes", async () => {
    const { supporter, link } = await member();
    for (let i = 0; i < 2; i++) {
      const page = await t.app.inject(link);
      expect(page.statusCode).toBe(200);
      expect(page.headers["cache-control"]).toContain("no-store");
      const form = /<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/.exec(page.body);
      expect(form?.[1]?.replace(/&amp;/g, "&")).toBe(link);
      expect(form?.[2]?.match(/<button/g)).toHaveLength(1);
    }
    expect((await consentsOf(supporter.id))[0]?.withdrawn_at).toBeNull();
    const pressed = await t.app.inject({
      method: "POST",
      url: link,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
      payload: "",
    });
    expect(pressed.statusCode).toBe(200);
    expect(pressed.body).toContain(SIGNATURES_STILL_COUNT);
    expect((await consentsOf(supporter.id))[0]?.withdrawn_method).toBe("unsubscribe-page");
  });

  it("refuses a forged link with a 404 and changes nothing", async () => {
    const { supporter, link } = await member();
    const other = await member();
    const mac = /u=\d+\.([\w-]{22})$/.exec(link)?.[1] ?? "";
    const forged = [
      `/unsubscribe?u=${supporter.id}.${"A".repeat(22)}`,
      `/unsubscribe?u=${other.supporter.id}.${mac}`,
      `/unsubscribe?u=${unsubscribeToken("another-secret-key-that-is-long-enough-00", supporter)}`,
      `/unsubscribe?u=${supporter.id}`,
      "/unsubscribe?u=",
      "/unsubscribe",
    ];
    for (const url of forged) {
      const page = await t.app.inject(url);
      expect(page.statusCode, url).toBe(404);
      expect(page.body).toContain("This link does not work any more");
      expect((await oneClick(url)).statusCode, url).toBe(404);
    }
    for (const id of [supporter.id, other.supporter.id]) {
      expect(await hasCurrentConsent(t.deps.db, id, "email-updates")).toBe(true);
    }
  });

  it("unsubscribing twice is the same as once", async () => {
    const { supporter, link } = await member();
    expect((await oneClick(link)).statusCode).toBe(200);
    const first = await consentsOf(supporter.id);
    expect((await oneClick(link)).statusCode).toBe(200);
    expect(await consentsOf(supporter.id)).toEqual(first);
    expect(await hasCurrentConsent(t.deps.db, supporter.id, "email-updates")).toBe(false);
  });
});
