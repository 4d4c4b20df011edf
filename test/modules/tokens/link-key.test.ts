import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeToken } from "../../../src/modules/community/unsubscribe-token.ts";
import { attendanceKey } from "../../../src/modules/events/attendance-key.ts";
import { memberKey } from "../../../src/modules/groups/member-key.ts";
import { hasCurrentConsent } from "../../../src/modules/supporters/consents.repo.ts";
import { linkKey, openLinkKey } from "../../../src/modules/tokens/link-key.ts";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addSupporter, newSupporterRow, reuseIdOf } from "../../support/reused-id.ts";
import { joinAndConfirm as joinCommunity, joiner, welcomeMailsTo } from "../community/community-helpers.ts";
import { addEvent, keyOf, rsvpAndConfirm } from "../events/event-helpers.ts";
import { addGroup, joinAndConfirm as joinGroup } from "../groups/group-helpers.ts";
import { newEmail } from "../petitions/petition-helpers.ts";

const DEAD_LINK = "This link does not work any more";
const OTHER_ADDRESS = "Kongens gate 3, ring Karim";

describeEachDatabase("personal links (unsubscribe, attendance, leave a group)", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());
  const secret = () => t.deps.config.secretKey;

  /** Both ways into a link: its page, and its button, neither of which may open anything. */
  async function expectDead(url: string, post: () => Promise<{ statusCode: number; body: string }>) {
    const page = await t.app.inject(url);
    expect(page.statusCode, url).toBe(404);
    expect(page.body).toContain(DEAD_LINK);
    const pressed = await post();
    expect(pressed.statusCode, url).toBe(404);
    expect(pressed.body).toContain(DEAD_LINK);
  }

  describe("the key", () => {
    it("opens its own row for its own purpose only, and not a row with the same id made at another time", async () => {
      const id = await addSupporter(t.deps.db, newEmail(), "Amina Rahimi");
      const row = await t.deps.db
        .selectFrom("supporters")
        .select(["id", "created_at"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      const key = linkKey(secret(), "unsubscribe", row);
      expect(key).toMatch(/^\d+\.[\w-]{22}$/);
      expect(await openLinkKey(t.deps.db, secret(), "unsubscribe", key)).toBe(id);
      expect(await openLinkKey(t.deps.db, secret(), "attendance", key)).toBeNull();
      expect(await openLinkKey(t.deps.db, "another-secret-key-that-is-long-enough-00", "unsubscribe", key)).toBeNull();
      const later = { id, created_at: new Date(Date.parse(row.created_at) + 1).toISOString() };
      expect(await openLinkKey(t.deps.db, secret(), "unsubscribe", linkKey(secret(), "unsubscribe", later))).toBeNull();
      // The same instant written another way is the same row.
      const sameInstant = { id, created_at: new Date(row.created_at).toISOString().replace(/\.000Z$/, "Z") };
      expect(await openLinkKey(t.deps.db, secret(), "unsubscribe", linkKey(secret(), "unsubscribe", sameInstant))).toBe(
        id,
      );
      for (const bad of [undefined, 42, "", `${id}`, `${id}.${"A".repeat(22)}`, `${key}x`, `9${key}`]) {
        expect(await openLinkKey(t.deps.db, secret(), "unsubscribe", bad), String(bad)).toBeNull();
      }
    });
  });

  describe("after the row is deleted and its id given to someone else", () => {
    it("an old unsubscribe link unsubscribes nobody; the new person's own link unsubscribes them", async () => {
      const email = newEmail();
      const gone = await joinCommunity(t, joiner({ email, updates: "yes" }));
      const header = JSON.parse((await welcomeMailsTo(t.deps.db, email))[0]?.headers ?? "{}")["List-Unsubscribe"];
      const old = new URL(String(header).slice(1, -1));
      const oldLink = `${old.pathname}${old.search}`;

      const newcomer = await reuseIdOf(t.deps.db, db().dialect, "supporters", gone.id, {
        ...newSupporterRow(newEmail(), "Karim Nazari"),
        member_since: null,
        erased_at: null,
      });
      await giveUpdatesConsent(newcomer.id);
      const oneClick = (url: string) =>
        t.app.inject({
          method: "POST",
          url,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: "List-Unsubscribe=One-Click",
        });
      await expectDead(oldLink, () => oneClick(oldLink));
      expect(await hasCurrentConsent(t.deps.db, newcomer.id, "email-updates")).toBe(true);

      const own = `/unsubscribe?u=${unsubscribeToken(secret(), newcomer)}`;
      expect((await oneClick(own)).statusCode).toBe(200);
      expect(await hasCurrentConsent(t.deps.db, newcomer.id, "email-updates")).toBe(false);
    });

    it("an old attendance link shows and cancels nothing; the new attendee's own link does", async () => {
      const first = await addEvent(t.deps.db);
      const gone = await rsvpAndConfirm(t, first.slug);
      const oldKey = keyOf(gone.attendance);
      const second = await addEvent(t.deps.db, { location: OTHER_ADDRESS });
      const karim = await addSupporter(t.deps.db, newEmail(), "Karim Nazari");
      const at = new Date().toISOString();
      const rsvp = await reuseIdOf(t.deps.db, db().dialect, "event_rsvps", Number(oldKey.split(".")[0]), {
        event_id: second.id,
        supporter_id: karim,
        name: "Karim Nazari",
        locale: "en",
        status: "going",
        reminders: 0,
        created_at: at,
        confirmed_at: at,
        cancelled_at: null,
        updated_at: at,
      });
      const cancel = (key: string) =>
        postForm(t.app, `/events/${second.slug}`, "/events/attendance/cancel", { a: key });
      await expectDead(gone.attendance, () => cancel(oldKey));
      const calendar = await t.app.inject(`/events/attendance/calendar.ics?a=${oldKey}`);
      expect(calendar.statusCode).toBe(404);
      expect(calendar.body).not.toContain(OTHER_ADDRESS);
      expect(await statusOf("event_rsvps", rsvp.id)).toBe("going");

      const own = attendanceKey(secret(), rsvp);
      const page = await t.app.inject(`/events/attendance?a=${own}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(OTHER_ADDRESS);
      expect((await cancel(own)).statusCode).toBe(303);
      expect(await statusOf("event_rsvps", rsvp.id)).toBe("cancelled");
    });

    it("an old leave link ends no one's membership; the new member's own link does", async () => {
      const group = await addGroup(t.deps.db);
      const gone = await joinGroup(t, group.slug);
      const oldKey = /\/groups\/leave\?m=([\w.-]+)/.exec(gone.welcome?.text ?? "")?.[1] ?? "";
      const karim = await addSupporter(t.deps.db, newEmail(), "Karim Nazari");
      const at = new Date().toISOString();
      const member = await reuseIdOf(t.deps.db, db().dialect, "group_members", Number(oldKey.split(".")[0]), {
        group_id: group.id,
        supporter_id: karim,
        name: "Karim Nazari",
        locale: "en",
        status: "member",
        wants_sharing: 0,
        shares_with_organiser: 0,
        created_at: at,
        confirmed_at: at,
        left_at: null,
        updated_at: at,
      });
      const leave = (key: string) => postForm(t.app, `/groups/${group.slug}`, "/groups/leave", { m: key });
      await expectDead(`/groups/leave?m=${oldKey}`, () => leave(oldKey));
      expect(await statusOf("group_members", member.id)).toBe("member");

      const own = memberKey(secret(), member);
      expect((await t.app.inject(`/groups/leave?m=${own}`)).statusCode).toBe(200);
      expect((await leave(own)).statusCode).toBe(303);
      expect(await statusOf("group_members", member.id)).toBe("left");
    });
  });

  async function statusOf(table: "event_rsvps" | "group_members", id: number) {
    const row = await t.deps.db
      .selectFrom(table as "event_rsvps")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirst();
    return row?.status;
  }

  async function giveUpdatesConsent(supporterId: number) {
    const at = new Date().toISOString();
    await t.deps.db
      .insertInto("consents")
      .values({
        supporter_id: supporterId,
        purpose: "email-updates",
        wording: "Email me about campaigns.",
        wording_version: "test-1",
        locale: "en",
        source: "test",
        campaign_id: null,
        method: "form-checkbox",
        given_at: at,
        confirmed_at: at,
        withdrawn_at: null,
        withdrawn_method: null,
      })
      .execute();
  }
});
