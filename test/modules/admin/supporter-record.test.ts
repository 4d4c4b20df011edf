import { afterAll, beforeAll, expect, it } from "vitest";
import { startSession } from "../../../src/modules/admin/sessions.ts";
import { inviteStaff } from "../../../src/modules/admin/staff.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { newEmail, pressConfirm, SLUG, signAndGetToken, signer } from "../petitions/petition-helpers.ts";

describeEachDatabase("a supporter's record in the admin", (db) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  /** A signed-in member of staff with this role, without going through the sign-in form. */
  async function staffCookie(role: "admin" | "campaigner" | "moderator") {
    const email = `${role}.${Math.random().toString(36).slice(2)}@example.org`;
    await inviteStaff(t.deps, { email, role, invitedBy: null });
    const { id } = await t.deps.db
      .selectFrom("staff_users")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    return `iw-staff=${await startSession(t.deps.db, id)}`;
  }

  /** Looks an address up as a campaigner does: the search form, posted with its CSRF token. */
  async function lookUp(who: "campaigner" | "moderator", email: string) {
    const cookie = cookies[who] ?? "";
    const page = await t.app.inject({ url: "/admin/supporters", headers: { cookie } });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const csrf = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    return t.app.inject({
      method: "POST",
      url: "/admin/supporters",
      headers: {
        cookie: `${cookie}; ${csrf}`,
        origin: "http://localhost:3000",
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({ _csrf: token, email }).toString(),
    });
  }

  beforeAll(async () => {
    t = await buildTestApp(db().handle);
    cookies.campaigner = await staffCookie("campaigner");
    cookies.moderator = await staffCookie("moderator");
  });
  afterAll(async () => t.app.close());

  it("shows a campaigner what a supporter agreed to, in which words, where and when", async () => {
    const email = newEmail();
    await pressConfirm(t.app, await signAndGetToken(t, SLUG, signer({ email, updates: "yes" })));
    const res = await lookUp("campaigner", email.toUpperCase());
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toContain(
      "<q>Keep me updated about this and other campaigns by email. I can unsubscribe at any time.</q>",
    );
    expect(res.body).toContain(`petition:${SLUG} · form-checkbox`);
    expect(res.body).toContain("petition-updates-1");
    const seen = await t.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "supporter.view")
      .execute();
    expect(seen.length).toBeGreaterThan(0);
  });

  it("says so when no supporter has the address, without an error", async () => {
    const res = await lookUp("campaigner", "nobody@example.org");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("No supporter has this email address.");
  });

  it("keeps the address out of the URL, and a lookup needs the form's CSRF token", async () => {
    const forged = await t.app.inject({
      method: "POST",
      url: "/admin/supporters",
      headers: { cookie: cookies.campaigner ?? "", "content-type": "application/x-www-form-urlencoded" },
      payload: "email=a%40example.org",
    });
    expect(forged.statusCode).toBe(403);
  });

  it("is not for moderators, nor for anyone signed out", async () => {
    const moderator = await t.app.inject({ url: "/admin/supporters", headers: { cookie: cookies.moderator ?? "" } });
    expect(moderator.statusCode).toBe(403);
    const nobody = await t.app.inject("/admin/supporters");
    expect(nobody.statusCode).toBe(303);
    expect(nobody.headers.location).toBe("/admin/login");
  });
});
