import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANAGE_COOKIE } from "../../../src/modules/community/manage-session.ts";
import { signedSessionOf, subjectOfSignedSession } from "../../../src/modules/tokens/signed-session.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addSupporter, newSupporterRow, reuseIdOf } from "../../support/reused-id.ts";
import { get, post } from "../admin/admin-helpers.ts";
import { signInByEmail, submit } from "../community/community-helpers.ts";
import { addGroup, signInAsOrganiser } from "../groups/group-helpers.ts";
import { newEmail } from "../petitions/petition-helpers.ts";

const HOUR = 60 * 60 * 1000;
const ASK_FOR_LINK = "Enter your email address and we will send you a link";

describeEachDatabase("signed session cookies (manage, organiser)", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());
  const secret = () => t.deps.config.secretKey;
  const supporterRow = (id: number) =>
    t.deps.db.selectFrom("supporters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("opens its own row for its own scope until it runs out, and not a row with the same id made at another time", async () => {
    const id = await addSupporter(t.deps.db, newEmail(), "Amina Rahimi");
    const row = await supporterRow(id);
    const now = Date.now();
    const cookie = signedSessionOf(secret(), "manage", row, HOUR, now);
    expect(cookie).toMatch(/^\d+\.\d{13}\.[\w-]{43}$/);
    expect(await subjectOfSignedSession(t.deps.db, secret(), "manage", cookie, now)).toBe(id);
    expect(await subjectOfSignedSession(t.deps.db, secret(), "manage", cookie, now + HOUR + 1)).toBeNull();
    expect(await subjectOfSignedSession(t.deps.db, secret(), "organise-group", cookie, now)).toBeNull();
    const otherKey = "another-secret-key-that-is-long-enough-00";
    expect(await subjectOfSignedSession(t.deps.db, otherKey, "manage", cookie, now)).toBeNull();
    const later = { id, created_at: new Date(Date.parse(row.created_at) + 1).toISOString() };
    const forLater = signedSessionOf(secret(), "manage", later, HOUR, now);
    expect(await subjectOfSignedSession(t.deps.db, secret(), "manage", forLater, now)).toBeNull();
    // The same instant written another way is the same row.
    const sameInstant = { id, created_at: new Date(row.created_at).toISOString().replace(/\.000Z$/, "Z") };
    const same = signedSessionOf(secret(), "manage", sameInstant, HOUR, now);
    expect(await subjectOfSignedSession(t.deps.db, secret(), "manage", same, now)).toBe(id);
    const [, expires, mac] = cookie.split(".");
    for (const bad of [undefined, 7, "", `${id}`, `${id}.${expires}`, `${id + 1}.${expires}.${mac}`, `${cookie}x`]) {
      expect(await subjectOfSignedSession(t.deps.db, secret(), "manage", bad, now), String(bad)).toBeNull();
    }
  });

  describe("after the row is deleted and its id given to someone else", () => {
    it("an old manage cookie opens none of the new supporter's preferences or data; their own cookie does", async () => {
      const aminaEmail = newEmail();
      const amina = await addSupporter(t.deps.db, aminaEmail, "Amina Rahimi");
      const old = { [MANAGE_COOKIE]: await signInByEmail(t, aminaEmail, "your-data") };
      const karimEmail = newEmail();
      const karim = await reuseIdOf(t.deps.db, db().dialect, "supporters", amina, {
        ...newSupporterRow(karimEmail, "Karim Nazari"),
        member_since: null,
        erased_at: null,
      });
      const before = await supporterRow(karim.id);

      for (const url of ["/preferences", "/your-data"]) {
        const page = await get(t.app, url, old);
        expect(page.statusCode, url).toBe(200);
        expect(page.body, url).toContain(ASK_FOR_LINK);
        expect(page.body, url).not.toContain("Karim Nazari");
      }
      const exported = await get(t.app, "/your-data/export.json", old);
      expect(exported.statusCode).toBe(401);
      expect(exported.body).not.toContain(karimEmail);
      const saved = await submit(t.app, "/preferences", "/preferences", { language: "fr" }, old);
      expect(saved.body).toContain(ASK_FOR_LINK);
      const erased = await submit(t.app, "/your-data", "/your-data/erase", { confirm: "yes" }, old);
      expect(erased.body).toContain(ASK_FOR_LINK);
      expect(erased.body).not.toContain("Your data is erased");
      expect(await supporterRow(karim.id)).toEqual(before);

      const own = { [MANAGE_COOKIE]: await signInByEmail(t, karimEmail, "your-data") };
      const mine = await get(t.app, "/your-data/export.json", own);
      expect(mine.statusCode).toBe(200);
      expect(mine.body).toContain(karimEmail);
      expect((await get(t.app, "/preferences", own)).body).toContain("Karim Nazari");
    });

    it("an old organiser cookie opens nothing of the new group; its own organiser's cookie does", async () => {
      const gone = await addGroup(t.deps.db, { name: "Harstad hearts" });
      const old = await signInAsOrganiser(t, gone.slug, gone.organiserEmail);
      const oldCookies = { organiser: old.split("=").slice(1).join("=") };
      const karimEmail = newEmail();
      const karimId = await addSupporter(t.deps.db, karimEmail, "Karim Nazari");
      await t.deps.db.deleteFrom("tokens").where("purpose", "=", "organise-group").execute();
      const at = new Date().toISOString();
      const slug = `group-${Math.random().toString(36).slice(2, 10)}`;
      const group = await reuseIdOf(t.deps.db, db().dialect, "groups", gone.id, {
        slug,
        locale: "en",
        name: "Karim's kitchen table",
        description_md: "We cook together.",
        town: "Bodø",
        country: "NO",
        latitude: null,
        longitude: null,
        organiser_supporter_id: karimId,
        organiser_name: "Karim Nazari",
        status: "published",
        created_at: at,
        updated_at: at,
      });
      const groupRow = () => t.deps.db.selectFrom("groups").selectAll().where("id", "=", group.id).executeTakeFirst();
      const before = await groupRow();

      for (const url of ["/groups/organiser", "/groups/organiser/edit"]) {
        const page = await get(t.app, url, oldCookies);
        expect(page.statusCode, url).toBe(401);
        expect(page.body, url).not.toContain("kitchen table");
      }
      const edited = await post(
        t.app,
        `/groups/${slug}`,
        "/groups/organiser/edit",
        { group_name: "Taken over", description: "Not ours.", town: "Bodø", country: "NO", place: "country" },
        oldCookies,
      );
      expect(edited.statusCode).toBe(401);
      expect(await groupRow()).toEqual(before);
      const edits = await t.deps.db.selectFrom("group_edits").select("id").where("group_id", "=", group.id).execute();
      expect(edits).toEqual([]);

      const own = await signInAsOrganiser(t, slug, karimEmail);
      const page = await t.app.inject({ url: "/groups/organiser", headers: { cookie: own } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("kitchen table");
    });
  });
});
