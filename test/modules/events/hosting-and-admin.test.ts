import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRetention } from "../../../src/modules/community/retention.ts";
import { eraseSupporter, exportSupporterData } from "../../../src/modules/community/your-data.service.ts";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { mailTo, newEmail, runJobs } from "../petitions/petition-helpers.ts";
import { addEvent, cancelFrom, keyOf, rsvp, rsvpAndConfirm, rsvpsOf, SECRET_ADDRESS } from "./event-helpers.ts";

const host = (fields: Record<string, string> = {}) => ({
  name: "Ingrid Hansen",
  email: newEmail(),
  shown_as: "first",
  title: "Sunday football for newcomers",
  description: "Bring **trainers**. <script>alert(1)</script>",
  start: "2027-10-31T01:30",
  end: "2027-10-31T04:00",
  time_zone: "Europe/Oslo",
  mode: "in-person",
  town: "Bergen",
  country: "NO",
  location: "Nordnes park, the gravel pitch",
  capacity: "20",
  ...fields,
});

describeEachDatabase("hosting events, the events admin and privacy", (db) => {
  let t: TestApp;
  const staff = new Map<string, Cookies>();
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    for (const role of ["admin", "campaigner", "moderator"] as const) {
      staff.set(role, { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, role)) });
    }
  });
  afterAll(async () => t.app.close());

  const eventBySlugLike = (title: string) =>
    t.deps.db.selectFrom("events").selectAll().where("title", "=", title).executeTakeFirst();

  describe("a host's event waits for a moderator", () => {
    it("stores a submitted event as waiting, unlisted, with its time in the zone given, and in the queue", async () => {
      const fields = host({ title: `Football ${Math.random()}` });
      const res = await postForm(t.app, "/events/new", "/events/new", fields);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/events/new/thanks");
      const event = await eventBySlugLike(fields.title);
      // 01:30 on the night summer time ends is still summer time (UTC+2).
      expect(event).toMatchObject({
        status: "waiting",
        starts_at: "2027-10-30T23:30:00.000Z",
        host_name: "Ingrid",
        capacity: 20,
      });
      expect((await t.app.inject(`/events/${event?.slug}`)).statusCode).toBe(404);
      expect((await t.app.inject("/events")).body).not.toContain(fields.title);
      const queue = await get(t.app, "/admin/moderation?kind=event", staff.get("moderator"));
      expect(queue.body).toContain(fields.title);
      expect(queue.body).not.toContain("<script>alert(1)</script>");
    });

    it("answers impossible input with every problem at once and stores nothing", async () => {
      const title = `Bad ${Math.random()}`;
      const res = await postForm(
        t.app,
        "/events/new",
        "/events/new",
        host({ title, start: "2020-01-01T10:00", end: "2019-01-01T10:00", capacity: "0", town: "", location: "" }),
      );
      expect(res.statusCode).toBe(400);
      for (const field of ["start", "end", "capacity", "town", "location"])
        expect(res.body).toContain(`href="#field-${field}"`);
      expect(res.body).toContain("The start must be in the future");
      expect(await eventBySlugLike(title)).toBeUndefined();
      const skipped = await postForm(t.app, "/events/new", "/events/new", host({ title, start: "2027-03-28T02:30" }));
      expect(skipped.body).toContain("Enter a start date and time that exist in the chosen time zone");
      const online = await postForm(
        t.app,
        "/events/new",
        "/events/new",
        host({ title, mode: "online", location: "javascript:alert(1)" }),
      );
      expect(online.body).toContain("Enter a joining link that starts with https://");
      expect(await eventBySlugLike(title)).toBeUndefined();
    });

    it("publishes an approved event and tells the host; a rejected one stays hidden and the host is told why", async () => {
      const yes = host({ title: `Approved ${Math.random()}` });
      const no = host({ title: `Rejected ${Math.random()}` });
      await postForm(t.app, "/events/new", "/events/new", yes);
      await postForm(t.app, "/events/new", "/events/new", no);
      const itemOf = async (title: string) =>
        t.deps.db
          .selectFrom("moderation_items")
          .innerJoin("events", "events.id", "moderation_items.subject_id")
          .select(["moderation_items.id", "events.slug"])
          .where("moderation_items.kind", "=", "event")
          .where("events.title", "=", title)
          .executeTakeFirstOrThrow();
      const approved = await itemOf(yes.title);
      const rejected = await itemOf(no.title);
      const cookies = staff.get("moderator");
      expect(
        (await post(t.app, "/admin/moderation?kind=event", `/admin/moderation/${approved.id}/approve`, {}, cookies))
          .statusCode,
      ).toBe(303);
      expect(
        (
          await post(
            t.app,
            "/admin/moderation?kind=event",
            `/admin/moderation/${rejected.id}/reject`,
            { reason: "advertising" },
            cookies,
          )
        ).statusCode,
      ).toBe(303);
      const page = await t.app.inject(`/events/${approved.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Bring <strong>trainers</strong>.");
      expect(page.body).not.toContain("<script>alert(1)</script>");
      expect(page.body).not.toContain("Nordnes park");
      expect((await t.app.inject(`/events/${rejected.slug}`)).statusCode).toBe(404);
      await runJobs(t.deps);
      expect((await mailTo(t.deps.db, yes.email)).at(-1)?.subject).toBe(`Your event “${yes.title}” is published`);
      const told = (await mailTo(t.deps.db, no.email)).at(-1);
      expect(told?.subject).toBe(`Your event “${no.title}” was not published`);
    });
  });

  describe("the events admin", () => {
    it("lets admins and campaigners see counts and attendees' emails, and never moderators", async () => {
      const e = await addEvent(t.deps.db, { title: `Counted ${Math.random()}`, capacity: 1 });
      const going = await rsvpAndConfirm(t, e.slug, { name: "Leila Haidari" });
      await rsvpAndConfirm(t, e.slug);
      for (const role of ["admin", "campaigner"]) {
        const list = await get(t.app, "/admin/events", staff.get(role));
        expect(list.statusCode).toBe(200);
        const row = new RegExp(`${e.id}">[^<]*</a></td><td>[^<]*</td><td>Published</td><td>1 / 1</td><td>1</td>`);
        expect(list.body).toMatch(row);
        const one = await get(t.app, `/admin/events/${e.id}`, staff.get(role));
        expect(one.body).toContain("Leila Haidari");
        expect(one.body).toContain(going.email);
      }
      expect((await get(t.app, "/admin/events", staff.get("moderator"))).statusCode).toBe(403);
      expect((await get(t.app, `/admin/events/${e.id}`, staff.get("moderator"))).statusCode).toBe(403);
      expect((await t.app.inject(`/events/${e.slug}`)).body).not.toContain(going.email);
    });

    it("cancels an event with an audit record and tells everyone going or waiting, once", async () => {
      const e = await addEvent(t.deps.db, { title: "Picnic by the river", capacity: 1 });
      const a = await rsvpAndConfirm(t, e.slug);
      const b = await rsvpAndConfirm(t, e.slug);
      const cookies = staff.get("campaigner");
      const res = await post(t.app, `/admin/events/${e.id}`, `/admin/events/${e.id}/cancel`, {}, cookies);
      expect(res.statusCode).toBe(303);
      expect((await t.app.inject(`/events/${e.slug}`)).body).toContain("This event has been cancelled.");
      const audit = await auditOf(t, "event.cancel", e.id);
      expect(audit).toHaveLength(1);
      await runJobs(t.deps);
      for (const who of [a, b]) {
        expect((await mailTo(t.deps.db, who.email)).at(-1)?.subject).toBe("Cancelled: “Picnic by the river”");
        expect((await t.app.inject(who.attendance)).body).not.toContain(SECRET_ADDRESS);
      }
      await post(t.app, `/admin/events/${e.id}`, `/admin/events/${e.id}/cancel`, {}, cookies).catch(() => null);
      expect(await auditOf(t, "event.cancel", e.id)).toHaveLength(1);
      // The cancelled event's page has no form any more; a reply sent anyway is refused.
      const late = await postForm(t.app, "/events/new", `/events/${e.slug}/rsvp`, {
        name: "Late Comer",
        email: newEmail(),
      });
      expect(late.statusCode).toBe(400);
      expect(late.body).toContain("This event no longer takes replies");
    });
  });

  describe("changing an event", () => {
    it("moves the time and adds places: the waitlist is promoted and everyone is told, with the calendar's sequence raised", async () => {
      const e = await addEvent(t.deps.db, { title: "Moved dinner", capacity: 1 });
      const a = await rsvpAndConfirm(t, e.slug);
      const b = await rsvpAndConfirm(t, e.slug);
      const cookies = staff.get("admin");
      const page = await get(t.app, `/admin/events/${e.id}`, cookies);
      expect(page.body).toContain('name="start"');
      const res = await post(
        t.app,
        `/admin/events/${e.id}`,
        `/admin/events/${e.id}/change`,
        {
          start: "2027-10-31T02:30",
          end: "2027-10-31T04:00",
          time_zone: "Europe/Oslo",
          mode: "in-person",
          town: "Oslo",
          country: "NO",
          location: "New hall, Grønland 2",
          capacity: "2",
        },
        cookies,
      );
      expect(res.statusCode).toBe(303);
      expect((await rsvpsOf(t.deps.db, e.id)).map((r) => r.status)).toEqual(["going", "going"]);
      expect(await auditOf(t, "event.change", e.id)).toHaveLength(1);
      const ics = (await t.app.inject(`/events/${e.slug}/calendar.ics`)).body;
      // 02:30 on the night summer time ends: the first of the two, still UTC+2.
      expect(ics).toContain("DTSTART:20271031T003000Z\r\n");
      expect(ics).toContain("SEQUENCE:1\r\n");
      expect(ics).not.toContain("Grønland");
      await runJobs(t.deps);
      for (const who of [a, b]) {
        const subjects = (await mailTo(t.deps.db, who.email)).map((m) => m.subject);
        expect(subjects).toContain("Changed: “Moved dinner”");
      }
      expect((await mailTo(t.deps.db, a.email)).at(-1)?.text).toContain("New hall, Grønland 2");
      expect((await mailTo(t.deps.db, b.email)).map((m) => m.subject)).toContain(
        "A place opened for you at “Moved dinner”",
      );
    });

    it("refuses fewer places than people going, with an error summary, and changes nothing", async () => {
      const e = await addEvent(t.deps.db, { capacity: 3 });
      await rsvpAndConfirm(t, e.slug);
      await rsvpAndConfirm(t, e.slug);
      const cookies = staff.get("campaigner");
      const res = await post(
        t.app,
        `/admin/events/${e.id}`,
        `/admin/events/${e.id}/change`,
        {
          start: "2027-11-01T18:00",
          end: "2027-11-01T20:00",
          time_zone: "Europe/Oslo",
          mode: "in-person",
          town: "Oslo",
          country: "NO",
          location: SECRET_ADDRESS,
          capacity: "1",
        },
        cookies,
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("The number of places cannot be lower than the number of people already going");
      const row = await t.deps.db
        .selectFrom("events")
        .select(["capacity", "sequence"])
        .where("id", "=", e.id)
        .executeTakeFirst();
      expect(row).toEqual({ capacity: 3, sequence: 0 });
      expect(await auditOf(t, "event.change", e.id)).toHaveLength(0);
    });
  });

  describe("privacy", () => {
    const supporterOf = (email: string) =>
      t.deps.db.selectFrom("supporters").select("id").where("email", "=", email).executeTakeFirstOrThrow();

    it("exports a supporter's RSVPs, and erasure removes them and gives their place to the waitlist", async () => {
      const e = await addEvent(t.deps.db, { title: "Export me", capacity: 1 });
      const me = await rsvpAndConfirm(t, e.slug, { reminders: "yes" });
      const next = await rsvpAndConfirm(t, e.slug);
      const { id } = await supporterOf(me.email);
      const data = await exportSupporterData(t.deps, id);
      expect(data?.rsvps).toEqual([
        expect.objectContaining({
          event: "Export me",
          status: "going",
          reminders: true,
          confirmed_at: expect.any(String),
        }),
      ]);
      await eraseSupporter(t.deps, id);
      const rows = await rsvpsOf(t.deps.db, e.id);
      expect(rows.map((r) => [r.email, r.status])).toEqual([[next.email, "going"]]);
    });

    it("deletes the RSVPs of an event that ended a year ago, and unconfirmed ones after the unconfirmed period", async () => {
      const old = await addEvent(t.deps.db, { startsAt: new Date(Date.now() - 400 * 864e5).toISOString() });
      const at = new Date().toISOString();
      const { id: supporterId } = await t.deps.db
        .insertInto("supporters")
        .values({
          email: newEmail(),
          email_canonical: `x${Math.random()}@example.org`,
          name: "Old Guest",
          country: null,
          postcode: null,
          locale: "en",
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await t.deps.db
        .insertInto("event_rsvps")
        .values({
          event_id: old.id,
          supporter_id: supporterId,
          name: "Old Guest",
          locale: "en",
          status: "going",
          reminders: 0,
          created_at: at,
          confirmed_at: at,
          cancelled_at: null,
          updated_at: at,
        })
        .execute();
      const fresh = await addEvent(t.deps.db);
      const waiting = newEmail();
      await rsvp(t.app, fresh.slug, { name: "Slow Confirmer", email: waiting });
      await applyRetention(t.deps, new Date());
      expect(await rsvpsOf(t.deps.db, old.id)).toEqual([]);
      expect((await rsvpsOf(t.deps.db, fresh.id)).map((r) => r.status)).toEqual(["pending"]);
      await applyRetention(t.deps, new Date(Date.now() + 60 * 864e5));
      expect(await rsvpsOf(t.deps.db, fresh.id)).toEqual([]);
    });
  });

  it("cancelling from the emailed link needs no login and is idempotent", async () => {
    const e = await addEvent(t.deps.db);
    const me = await rsvpAndConfirm(t, e.slug);
    expect((await cancelFrom(t.app, me.attendance)).statusCode).toBe(303);
    expect((await t.app.inject(me.attendance)).body).toContain("You cancelled your reply.");
    // Sent again (the page has no button any more): nothing changes.
    const again = await postForm(t.app, "/events/new", "/events/attendance/cancel", { a: keyOf(me.attendance) });
    expect(again.statusCode).toBe(303);
    expect((await rsvpsOf(t.deps.db, e.id)).map((r) => r.status)).toEqual(["cancelled"]);
    const forged = me.attendance.replace(/a=(\d+)\./, (_m, id) => `a=${Number(id) + 1}.`);
    expect((await t.app.inject(forged)).statusCode).toBe(404);
  });
});
