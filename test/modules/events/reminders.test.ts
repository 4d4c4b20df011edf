import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcToWallTime } from "../../../src/modules/events/event-times.ts";
import { queueEventReminders } from "../../../src/modules/events/reminders.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { mailTo, runJobs } from "../petitions/petition-helpers.ts";
import { addEvent, cancelFrom, rsvpAndConfirm, SECRET_ADDRESS } from "./event-helpers.ts";

const HOUR = 3600e3;
const REMINDER = "Coming up: “Welcome dinner”";
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describeEachDatabase("the reminder before an event", (db) => {
  let t: TestApp;
  let staff: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    staff = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "campaigner")) };
  });
  afterAll(async () => t.app.close());

  const remindersTo = async (email: string) => (await mailTo(t.deps.db, email)).filter((m) => m.subject === REMINDER);

  /** A staff member moves the event (in Oslo, two hours long) to start at `startsAt`. */
  const moveEvent = (id: number, startsAt: string, location = SECRET_ADDRESS) =>
    post(
      t.app,
      `/admin/events/${id}`,
      `/admin/events/${id}/change`,
      {
        start: utcToWallTime(startsAt, "Europe/Oslo"),
        end: utcToWallTime(new Date(new Date(startsAt).getTime() + 2 * HOUR), "Europe/Oslo"),
        time_zone: "Europe/Oslo",
        mode: "in-person",
        town: "Oslo",
        country: "NO",
        location,
        capacity: "",
      },
      staff,
    );

  describe("the job every 15 minutes", () => {
    it("queues one reminder per attendee who asked for it, however often the job runs", async () => {
      const e = await addEvent(t.deps.db, { startsAt: inHours(30) });
      const asked = await rsvpAndConfirm(t, e.slug, { reminders: "yes" });
      const didNot = await rsvpAndConfirm(t, e.slug);
      expect(await remindersTo(asked.email)).toHaveLength(0);
      const sevenHoursOn = new Date(Date.now() + 7 * HOUR);
      await queueEventReminders(t.deps, sevenHoursOn);
      await queueEventReminders(t.deps, sevenHoursOn);
      await runJobs(t.deps);
      await queueEventReminders(t.deps, new Date(sevenHoursOn.getTime() + 15 * 60e3));
      await runJobs(t.deps);
      const reminders = await remindersTo(asked.email);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.text).toContain(SECRET_ADDRESS);
      expect(await remindersTo(didNot.email)).toHaveLength(0);
    });

    it("queues only the event it is given, when given one", async () => {
      const given = await addEvent(t.deps.db, { startsAt: inHours(30) });
      const other = await addEvent(t.deps.db, { startsAt: inHours(30) });
      const a = await rsvpAndConfirm(t, given.slug, { reminders: "yes" });
      const b = await rsvpAndConfirm(t, other.slug, { reminders: "yes" });
      expect(await queueEventReminders(t.deps, new Date(Date.now() + 7 * HOUR), given.id)).toBe(1);
      await runJobs(t.deps);
      expect(await remindersTo(a.email)).toHaveLength(1);
      expect(await remindersTo(b.email)).toHaveLength(0);
    });
  });

  describe("when staff move an event", () => {
    it("queues the reminder at once when the event moves to within a day, and only once when the job then runs", async () => {
      const e = await addEvent(t.deps.db, { startsAt: inHours(10 * 24) });
      const asked = await rsvpAndConfirm(t, e.slug, { reminders: "yes" });
      const didNot = await rsvpAndConfirm(t, e.slug);
      const startsAt = inHours(20);
      const res = await moveEvent(e.id, startsAt, "Grünerløkka hall, side door");
      expect(res.statusCode).toBe(303);
      await runJobs(t.deps);
      const reminders = await remindersTo(asked.email);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.text).toContain("Grünerløkka hall, side door");
      await queueEventReminders(t.deps);
      await queueEventReminders(t.deps);
      await runJobs(t.deps);
      expect(await remindersTo(asked.email)).toHaveLength(1);
      // Whoever did not ask is told of the change, and gets no reminder.
      const toDidNot = await mailTo(t.deps.db, didNot.email);
      expect(toDidNot.map((m) => m.subject)).not.toContain(REMINDER);
      expect(toDidNot.at(-1)?.text).toContain("Grünerløkka hall, side door");
    });

    it("queues nothing when the event moves but still starts more than a day away", async () => {
      const e = await addEvent(t.deps.db, { startsAt: inHours(10 * 24) });
      const asked = await rsvpAndConfirm(t, e.slug, { reminders: "yes" });
      expect((await moveEvent(e.id, inHours(30))).statusCode).toBe(303);
      await runJobs(t.deps);
      expect(await remindersTo(asked.email)).toHaveLength(0);
      await queueEventReminders(t.deps);
      await runJobs(t.deps);
      expect(await remindersTo(asked.email)).toHaveLength(0);
    });
  });

  describe("when a place is confirmed within a day of the event", () => {
    it("queues the reminder with the confirmation, for someone who asked for it only", async () => {
      const e = await addEvent(t.deps.db, { startsAt: inHours(20) });
      const asked = await rsvpAndConfirm(t, e.slug, { reminders: "yes" });
      const didNot = await rsvpAndConfirm(t, e.slug);
      const reminders = await remindersTo(asked.email);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.text).toContain(SECRET_ADDRESS);
      expect(await remindersTo(didNot.email)).toHaveLength(0);
      await queueEventReminders(t.deps);
      await runJobs(t.deps);
      expect(await remindersTo(asked.email)).toHaveLength(1);
      expect(await remindersTo(didNot.email)).toHaveLength(0);
    });

    it("queues nothing with a confirmation more than a day before the event", async () => {
      const e = await addEvent(t.deps.db, { startsAt: inHours(25) });
      const asked = await rsvpAndConfirm(t, e.slug, { reminders: "yes" });
      expect((await mailTo(t.deps.db, asked.email)).map((m) => m.subject)).toContain(
        "You have a place at “Welcome dinner”",
      );
      expect(await remindersTo(asked.email)).toHaveLength(0);
    });

    it("gives a reminder to no one on the waitlist, and to someone promoted from it at once", async () => {
      const e = await addEvent(t.deps.db, { startsAt: inHours(20), capacity: 1 });
      const first = await rsvpAndConfirm(t, e.slug);
      const waiting = await rsvpAndConfirm(t, e.slug, { reminders: "yes" });
      expect(await remindersTo(waiting.email)).toHaveLength(0);
      expect((await cancelFrom(t.app, first.attendance)).statusCode).toBe(303);
      await runJobs(t.deps);
      const reminders = await remindersTo(waiting.email);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.text).toContain(SECRET_ADDRESS);
    });
  });
});
