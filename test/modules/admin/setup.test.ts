import { afterAll, beforeAll, expect, it } from "vitest";
import { decryptTotpSecret, hashRecoveryCode } from "../../../src/modules/admin/credentials.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, codeFor, ERROR_SUMMARY, get, invite, keyOnSetupPage, PASSWORD, sendSetup } from "./admin-helpers.ts";

describeEachDatabase("setting up a staff account from its link", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  const userOf = (email: string) =>
    t.deps.db.selectFrom("staff_users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
  const setupTokens = (subjectId: number) =>
    t.deps.db
      .selectFrom("tokens")
      .selectAll()
      .where("purpose", "=", "staff-setup")
      .where("subject_id", "=", subjectId)
      .execute();

  it("shows a QR code and the key to type in, the same key every time it is opened", async () => {
    const invited = await invite(t, "campaigner");
    const page = await get(t.app, invited.path);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    // Only the origin in a Referer, never the token; the form's post still carries its Origin.
    expect(page.headers["referrer-policy"]).toBe("strict-origin");
    expect(page.body).toMatch(/<div class="admin-setup__qr" role="img" aria-label="[^"]+"><svg[^>]*>/);
    expect(page.body).toContain(invited.email);
    const secret = await keyOnSetupPage(t.app, invited.path);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(page.body).toContain(`<code dir="ltr">${secret}</code>`);
  });

  it("refuses a wrong code, a short password or a mismatching confirmation, and saves nothing", async () => {
    const invited = await invite(t, "campaigner");
    const secret = await keyOnSetupPage(t.app, invited.path);
    const before = await userOf(invited.email);
    const wrongCode = String((Number(codeFor(secret)) + 500_000) % 1_000_000).padStart(6, "0");
    const cases = [
      { fields: { password: PASSWORD, confirm: PASSWORD, code: wrongCode }, error: "Enter the six digits" },
      { fields: { password: PASSWORD, confirm: PASSWORD, code: "" }, error: "Enter the six digits" },
      {
        fields: { password: "eleven char", confirm: "eleven char", code: codeFor(secret) },
        error: "Choose a password of at least 12 characters",
      },
      {
        fields: { password: PASSWORD, confirm: `${PASSWORD}!`, code: codeFor(secret) },
        error: "Type the same password twice",
      },
    ];
    for (const { fields, error } of cases) {
      const res = await sendSetup(t.app, invited.path, { token: invited.token, ...fields });
      expect(res.statusCode, error).toBe(400);
      expect(res.body).toContain(ERROR_SUMMARY);
      expect(res.body).toContain(error);
      // The same key is shown again, so the app already set up keeps working.
      expect(res.body).toContain(`<code dir="ltr">${secret}</code>`);
    }
    const after = await userOf(invited.email);
    expect(after).toMatchObject({ password_hash: null, recovery_codes: "[]", totp_secret: before.totp_secret });
    expect((await setupTokens(after.id)).map((row) => row.used_at)).toEqual([null]);
    expect(await auditOf(t, "staff.setup", after.id)).toEqual([]);
  });

  it("saves an argon2id hash, the key encrypted and only hashes of the ten recovery codes it shows once", async () => {
    const invited = await invite(t, "admin");
    const secret = await keyOnSetupPage(t.app, invited.path);
    const res = await sendSetup(t.app, invited.path, {
      token: invited.token,
      password: PASSWORD,
      confirm: PASSWORD,
      code: codeFor(secret),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const codes = [...res.body.matchAll(/<code>([0-9a-f]{5}-[0-9a-f]{5})<\/code>/g)].map((m) => m[1] ?? "");
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const user = await userOf(invited.email);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_hash).not.toContain(PASSWORD);
    expect(user.totp_secret).not.toBeNull();
    expect(user.totp_secret).not.toContain(secret);
    expect(decryptTotpSecret(t.deps.config.secretKey, user.totp_secret ?? "")).toBe(secret);
    expect(decryptTotpSecret("another-secret-key-that-is-long-enough", user.totp_secret ?? "")).toBeNull();
    const stored = JSON.parse(user.recovery_codes) as string[];
    expect(stored).toEqual(codes.map(hashRecoveryCode));
    for (const code of codes) expect(user.recovery_codes).not.toContain(code);

    const audit = await auditOf(t, "staff.setup", user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.staff_user_id).toBe(user.id);
  });

  it("does not work a second time: the link then opens a 403 page, and posting it again changes nothing", async () => {
    const invited = await invite(t, "moderator");
    const secret = await keyOnSetupPage(t.app, invited.path);
    const fields = { token: invited.token, password: PASSWORD, confirm: PASSWORD, code: codeFor(secret) };
    const first = await sendSetup(t.app, invited.path, fields);
    expect(first.statusCode).toBe(200);
    const done = await userOf(invited.email);

    const again = await get(t.app, invited.path);
    expect(again.statusCode).toBe(403);
    expect(again.body).toContain("You cannot do that here");
    expect(again.body).not.toContain(secret);
    // A second post, from the page the person had open before, is refused too.
    const replay = await sendSetup(t.app, "/admin/login", { ...fields, password: "another long passphrase" });
    expect(replay.statusCode).toBe(403);
    expect(await userOf(invited.email)).toEqual(done);
    expect(await auditOf(t, "staff.setup", done.id)).toHaveLength(1);
  });

  it("answers a missing, malformed or unknown token with the 403 page", async () => {
    for (const path of ["/admin/setup", "/admin/setup?token=abc", `/admin/setup?token=${"A".repeat(43)}`]) {
      const res = await get(t.app, path);
      expect(res.statusCode, path).toBe(403);
    }
  });
});
