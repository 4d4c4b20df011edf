import { afterAll, beforeAll, expect, it } from "vitest";
import { inviteStaff, StaffInputError } from "../../../src/modules/admin/staff.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, staffEmail } from "./admin-helpers.ts";

describeEachDatabase("inviting a member of staff", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  const userOf = (email: string) =>
    t.deps.db.selectFrom("staff_users").selectAll().where("email", "=", email).executeTakeFirst();

  it("makes an account without a password or second factor, and a one-time setup link", async () => {
    const email = staffEmail("campaigner");
    const link = await inviteStaff(t.deps, { email, role: "campaigner", name: "Nadia", invitedBy: null });
    expect(link).toMatch(/^http:\/\/localhost:3000\/admin\/setup\?token=[A-Za-z0-9_-]{43}$/);
    const user = await userOf(email);
    expect(user).toMatchObject({
      name: "Nadia",
      role: "campaigner",
      password_hash: null,
      totp_secret: null,
      recovery_codes: "[]",
      disabled_at: null,
    });
    const token = new URL(link).searchParams.get("token") ?? "";
    const stored = await t.deps.db.selectFrom("tokens").selectAll().where("purpose", "=", "staff-setup").execute();
    expect(stored.some((row) => row.subject_id === user?.id && row.used_at === null)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("keeps the address in lower case and writes staff.invite to the audit log", async () => {
    const email = staffEmail("moderator");
    await inviteStaff(t.deps, { email: email.toUpperCase(), role: "moderator", invitedBy: null });
    const user = await userOf(email);
    expect(user?.role).toBe("moderator");
    const rows = await auditOf(t, "staff.invite", user?.id ?? 0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ staff_user_id: null, entity: "staff_user" });
    expect(JSON.parse(rows[0]?.after ?? "null")).toEqual({ email, role: "moderator" });
  });

  it("refuses an unknown role, a bad email and an email already taken, and saves nothing", async () => {
    const before = await t.deps.db.selectFrom("staff_users").select("id").execute();
    const taken = staffEmail("admin");
    await inviteStaff(t.deps, { email: taken, role: "admin", invitedBy: null });
    const refused = [
      { email: staffEmail(), role: "owner" },
      { email: staffEmail(), role: "Admin" },
      { email: "not-an-email", role: "admin" },
      { email: "nobody@example", role: "admin" },
      { email: taken, role: "campaigner" },
      { email: taken.toUpperCase(), role: "admin" },
    ];
    for (const invite of refused) {
      await expect(inviteStaff(t.deps, { ...invite, invitedBy: null }), JSON.stringify(invite)).rejects.toThrow(
        StaffInputError,
      );
    }
    const after = await t.deps.db.selectFrom("staff_users").select("id").execute();
    expect(after).toHaveLength(before.length + 1);
  });
});
