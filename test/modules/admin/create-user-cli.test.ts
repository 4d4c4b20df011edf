import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { databaseUrlFor, runScript } from "../../support/process.ts";
import { auditOf, get, staffEmail } from "./admin-helpers.ts";

const USAGE = "usage: npm run admin -- create-user --email EMAIL --role admin|campaigner|moderator [--name NAME]";

describeEachDatabase("`npm run admin -- create-user` (dist/admin.js)", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  const admin = (...args: string[]) =>
    runScript("dist/admin.js", { DATABASE_URL: databaseUrlFor(db()), PUBLIC_URL: "http://localhost:3000" }, args);

  it("makes the account and prints a one-time link that opens its setup page", async () => {
    const email = staffEmail("first-admin");
    const { code, stdout, stderr } = await admin("create-user", "--email", email, "--role", "admin", "--name", "Leyla");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const link = /http:\/\/localhost:3000\/admin\/setup\?token=[A-Za-z0-9_-]{43}/.exec(stdout)?.[0];
    expect(link, stdout).toBeDefined();
    const user = await t.deps.db
      .selectFrom("staff_users")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: "admin", name: "Leyla", password_hash: null });
    expect(await auditOf(t, "staff.invite", user.id)).toHaveLength(1);
    const url = new URL(link ?? "");
    const setup = await get(t.app, `${url.pathname}${url.search}`);
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain(email);
  });

  it("answers wrong arguments with exit code 2 and the usage line", async () => {
    const wrong = [
      [],
      ["create-user"],
      ["create-user", "--email", staffEmail()],
      ["create-user", "--role", "admin"],
      ["make-user", "--email", staffEmail(), "--role", "admin"],
      ["create-user", "--email", staffEmail(), "--role", "admin", "--colour", "red"],
      ["create-user", "--role", "admin", "--email"],
    ];
    for (const args of wrong) {
      const { code, stdout, stderr } = await runScript("dist/admin.js", {}, args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr.trim(), args.join(" ")).toBe(USAGE);
      expect(stdout).toBe("");
    }
  });

  it("answers a bad role, a bad email or a taken email with exit code 1 and one line, and makes nothing", async () => {
    const taken = staffEmail("taken");
    expect((await admin("create-user", "--email", taken, "--role", "moderator")).code).toBe(0);
    const before = await t.deps.db.selectFrom("staff_users").select("id").execute();
    const cases = [
      {
        args: ["--email", staffEmail(), "--role", "superuser"],
        says: "role must be one of admin, campaigner, moderator",
      },
      { args: ["--email", "not-an-email", "--role", "admin"], says: "invalid email" },
      { args: ["--email", taken.toUpperCase(), "--role", "admin"], says: "has this email already" },
    ];
    for (const { args, says } of cases) {
      const { code, stdout, stderr } = await admin("create-user", ...args);
      expect(code, args.join(" ")).toBe(1);
      expect(stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(stderr).toMatch(/^iwelcome admin: /);
      expect(stderr).toContain(says);
      expect(stdout).not.toContain("/admin/setup");
    }
    expect(await t.deps.db.selectFrom("staff_users").select("id").execute()).toHaveLength(before.length);
  });
});
