import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { mailTo, newEmail, runJobs } from "../petitions/petition-helpers.ts";
import {
  addEvent,
  cancelFrom,
  pressRsvpConfirm,
  rsvp,
  rsvpAndConfirm,
  rsvpsOf,
  rsvpTokenIn,
  SECRET_ADDRESS,
} from "./event-helpers.ts";

describeEachDatabase("events and RSVPs", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  describe("the list and the event page", () => {
    it("lists upcoming published events soonest first, filtered by country and mode, never waiting or past ones", async () => {
      const soon = await addEvent(t.deps.db, {
        title: "Soon in Bergen",
        town: "Bergen",
        startsAt: new Date(Date.now() + 2 * 864e5).toISOString(),
      });
      const later = await addEvent(t.deps.db, {
        title: "Later online",
        online: true,
        town: null,
        country: null,
        startsAt: new Date(Date.now() + 20 * 864e5).toISOString(),
      });
      const hidden = await addEvent(t.deps.db, { title: "Waiting for a moderator", status: "waiting" });
      const past = await addEvent(t.deps.db, {
        title: "Already over",
        startsAt: new Date(Date.now() - 3 * 864e5).toISOString(),
      });
      const list = await t.app.inject("/events");
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain("Soon in Bergen");
      expect(list.body.indexOf("Soon in Bergen")).toBeLessThan(list.body.indexOf("Later online"));
      expect(list.body).not.toContain("Waiting for a moderator");
      expect(list.body).not.toContain("Already over");
      const online = await t.app.inject("/events?mode=online");
      expect(online.body).toContain("Later online");
      expect(online.body).not.toContain("Soon in Bergen");
      const norway = await t.app.inject("/events?country=NO&mode=in-person");
      expect(norway.body).toContain("Soon in Bergen");
      expect(norway.body).not.toContain("Later online");
      expect((await t.app.inject(`/events/${hidden.slug}`)).statusCode).toBe(404);
      expect((await t.app.inject(`/events/${soon.slug}`)).statusCode).toBe(200);
      expect((await t.app.inject(`/events/${later.slug}`)).statusCode).toBe(200);
      expect((await t.app.inject(`/events/${past.slug}`)).statusCode).toBe(200);
    });

    it("shows the town, host, places left and the time in the event's zone, but never the exact address", async () => {
      const e = await addEvent(t.deps.db, {
        capacity: 12,
        startsAt: "2027-03-27T17:00:00.000Z",
        endsAt: "2027-03-27T19:00:00.000Z",
        hostName: "Ingrid H.",
      });
      const page = await t.app.inject(`/events/${e.slug}`);
      expect(page.body).toContain("Oslo, Norway");
      expect(page.body).toContain("Ingrid H.");
      expect(page.body).toContain("12 places left of 12");
      expect(page.body).toMatch(/6:00\s*–\s*8:00\s*PM\s*GMT\+1/u);
      expect(page.body).toContain("<strong>Everyone</strong>");
      expect(page.body).not.toContain(SECRET_ADDRESS);
      const nb = await t.app.inject(`/nb/events/${e.slug}`);
      expect(nb.body).toContain("lørdag 27. mars 2027, 18:00–20:00 CET");
      const ics = await t.app.inject(`/events/${e.slug}/calendar.ics`);
      expect(ics.body).not.toContain("Storgata");
      const feed = await t.app.inject("/events.ics");
      expect(feed.body).not.toContain("Storgata");
    });
  });

  describe("RSVP with double opt-in", () => {
    it("keeps the RSVP pending until the button on the link's page is pressed, then shows the address to the attendee only", async () => {
      const e = await addEvent(t.deps.db);
      const email = newEmail();
      const res = await rsvp(t.app, e.slug, { name: "Amina Rahimi", email, reminders: "yes" });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/events/${e.slug}/check-email`);
      expect((await rsvpsOf(t.deps.db, e.id)).map((r) => r.status)).toEqual(["pending"]);
      await runJobs(t.deps);
      const mail = (await mailTo(t.deps.db, email)).at(-1);
      expect(mail?.text).not.toContain(SECRET_ADDRESS);
      const token = rsvpTokenIn(mail);
      const page = await t.app.inject(`/events/rsvp/confirm?token=${token}`);
      expect(page.statusCode).toBe(200);
      expect((await rsvpsOf(t.deps.db, e.id)).map((r) => r.status)).toEqual(["pending"]);
      const confirmed = await pressRsvpConfirm(t.app, e.slug, token);
      expect(confirmed.statusCode).toBe(303);
      expect((await rsvpsOf(t.deps.db, e.id)).map((r) => r.status)).toEqual(["going"]);
      const own = await t.app.inject(String(confirmed.headers.location));
      expect(own.body).toContain(SECRET_ADDRESS);
      await runJobs(t.deps);
      const details = (await mailTo(t.deps.db, email)).at(-1);
      expect(details?.subject).toBe("You have a place at “Welcome dinner”");
      expect(details?.text).toContain(SECRET_ADDRESS);
      expect(details?.text).toContain("/events/attendance?a=");
      expect((await pressRsvpConfirm(t.app, e.slug, token)).statusCode).toBe(303);
      expect((await t.app.inject(`/events/rsvp/confirm?token=${token}`)).statusCode).toBe(410);
      const consent = await t.deps.db
        .selectFrom("consents")
        .select(["purpose", "confirmed_at"])
        .where("source", "like", "rsvp:%")
        .innerJoin("supporters", "supporters.id", "consents.supporter_id")
        .where("supporters.email", "=", email)
        .execute();
      expect(consent).toEqual([{ purpose: "event-emails", confirmed_at: expect.any(String) }]);
    });

    it("writes every email about a reply in the language of the page it was sent from, right to left in Arabic", async () => {
      const e = await addEvent(t.deps.db);
      const email = newEmail();
      expect((await rsvp(t.app, e.slug, { name: "Karim Nazari", email }, "/ar")).statusCode).toBe(303);
      await runJobs(t.deps);
      const confirm = (await mailTo(t.deps.db, email)).at(-1);
      expect(confirm?.subject).toBe("أكّد مكانك في «\u2068Welcome dinner\u2069»");
      expect(confirm?.html).toContain('<html lang="ar" dir="rtl">');
      expect(confirm?.text).toContain("/ar/events/rsvp/confirm?token=");
      await pressRsvpConfirm(t.app, e.slug, rsvpTokenIn(confirm));
      await runJobs(t.deps);
      const place = (await mailTo(t.deps.db, email)).at(-1);
      expect(place?.subject).toBe("لديك مكان في «\u2068Welcome dinner\u2069»");
      expect(place?.text).toContain(SECRET_ADDRESS);
      expect(place?.text).toContain("/ar/events/attendance?a=");
    });

    it("answers bad input with an error summary and changes nothing", async () => {
      const e = await addEvent(t.deps.db);
      const res = await rsvp(t.app, e.slug, { name: "", email: "not-an-email" });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("error-summary");
      expect(res.body).toContain('href="#field-email"');
      expect(await rsvpsOf(t.deps.db, e.id)).toEqual([]);
    });

    it("looks the same to whoever types an address that already replied, and tells its owner instead", async () => {
      const e = await addEvent(t.deps.db);
      const { email } = await rsvpAndConfirm(t, e.slug);
      const before = await mailTo(t.deps.db, email);
      const again = await rsvp(t.app, e.slug, { name: "Someone Else", email });
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe(`/events/${e.slug}/check-email`);
      await runJobs(t.deps);
      const after = await mailTo(t.deps.db, email);
      expect(after.length).toBe(before.length + 1);
      expect(after.at(-1)?.subject).toBe("Your reply to “Welcome dinner”");
      expect((await rsvpsOf(t.deps.db, e.id)).map((r) => r.status)).toEqual(["going"]);
    });

    it("refuses a reply to a cancelled event with a clear message", async () => {
      const e = await addEvent(t.deps.db, { status: "cancelled" });
      // Its page has no form any more; a reply sent anyway (with a token from another page) is refused.
      expect((await t.app.inject(`/events/${e.slug}`)).body).not.toContain('name="email"');
      const res = await postForm(t.app, "/events/new", `/events/${e.slug}/rsvp`, {
        name: "Amina Rahimi",
        email: newEmail(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("This event no longer takes replies: it has begun or been cancelled.");
      expect(await rsvpsOf(t.deps.db, e.id)).toEqual([]);
    });
  });

  describe("capacity and the waitlist", () => {
    it("puts replies beyond capacity on the waitlist and promotes the next when someone cancels", async () => {
      const e = await addEvent(t.deps.db, { capacity: 1 });
      const first = await rsvpAndConfirm(t, e.slug);
      const second = await rsvpAndConfirm(t, e.slug);
      expect((await rsvpsOf(t.deps.db, e.id)).map((r) => r.status)).toEqual(["going", "waitlist"]);
      const waiting = await t.app.inject(second.attendance);
      expect(waiting.body).not.toContain(SECRET_ADDRESS);
      expect((await mailTo(t.deps.db, second.email)).at(-1)?.subject).toBe(
        "You are on the waitlist for “Welcome dinner”",
      );
      const cancelled = await cancelFrom(t.app, first.attendance);
      expect(cancelled.statusCode).toBe(303);
      expect((await rsvpsOf(t.deps.db, e.id)).map((r) => r.status)).toEqual(["cancelled", "going"]);
      await runJobs(t.deps);
      const promoted = (await mailTo(t.deps.db, second.email)).at(-1);
      expect(promoted?.subject).toBe("A place opened for you at “Welcome dinner”");
      expect(promoted?.text).toContain(SECRET_ADDRESS);
      expect((await t.app.inject(second.attendance)).body).toContain(SECRET_ADDRESS);
      expect((await t.app.inject(first.attendance)).body).not.toContain(SECRET_ADDRESS);
    });

    it("promotes two different people when two attendees cancel at the same moment", async () => {
      const e = await addEvent(t.deps.db, { capacity: 2 });
      const going = [await rsvpAndConfirm(t, e.slug), await rsvpAndConfirm(t, e.slug)];
      const waiting = [
        await rsvpAndConfirm(t, e.slug),
        await rsvpAndConfirm(t, e.slug),
        await rsvpAndConfirm(t, e.slug),
      ];
      await Promise.all(going.map((g) => cancelFrom(t.app, g.attendance)));
      const rows = await rsvpsOf(t.deps.db, e.id);
      expect(rows.map((r) => r.status)).toEqual(["cancelled", "cancelled", "going", "going", "waitlist"]);
      expect(rows.filter((r) => r.status === "going").map((r) => r.email)).toEqual(
        waiting.slice(0, 2).map((w) => w.email),
      );
    });

    it("never gives more places than the capacity when confirmations race", async () => {
      const e = await addEvent(t.deps.db, { capacity: 2 });
      const tokens: string[] = [];
      for (let i = 0; i < 5; i++) {
        const email = newEmail();
        await rsvp(t.app, e.slug, { name: "Amina Rahimi", email });
        await runJobs(t.deps);
        tokens.push(rsvpTokenIn((await mailTo(t.deps.db, email)).at(-1)));
      }
      await Promise.all(tokens.map((token) => pressRsvpConfirm(t.app, e.slug, token)));
      const statuses = (await rsvpsOf(t.deps.db, e.id)).map((r) => r.status).sort();
      expect(statuses).toEqual(["going", "going", "waitlist", "waitlist", "waitlist"]);
    });
  });
});
