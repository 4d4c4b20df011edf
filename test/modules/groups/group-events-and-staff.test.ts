import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organiserCookieValue } from "../../../src/modules/groups/organiser.service.ts";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { mailTo, newEmail, runJobs } from "../petitions/petition-helpers.ts";
import { addGroup, signInAsOrganiser } from "./group-helpers.ts";

const hostFields = (fields: Record<string, string>) => ({
  name: "Ingrid Hansen",
  email: newEmail(),
  shown_as: "first",
  title: "Soup and Norwegian",
  description: "Bring a bowl.",
  start: "2027-11-10T18:00",
  end: "2027-11-10T20:00",
  time_zone: "Europe/Oslo",
  mode: "in-person",
  town: "Tromsø",
  country: "NO",
  location: "Storgata 1",
  capacity: "",
  ...fields,
});

describeEachDatabase("events run by groups, and staff editing groups", (db) => {
  let t: TestApp;
  const staff = new Map<string, Cookies>();
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    for (const role of ["admin", "moderator"] as const) {
      staff.set(role, { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, role)) });
    }
  });
  afterAll(async () => t.app.close());

  const eventTitled = (title: string) =>
    t.deps.db.selectFrom("events").selectAll().where("title", "=", title).executeTakeFirstOrThrow();
  const approve = async (eventId: number) => {
    const item = await t.deps.db
      .selectFrom("moderation_items")
      .select("id")
      .where("kind", "=", "event")
      .where("subject_id", "=", eventId)
      .executeTakeFirstOrThrow();
    const res = await post(
      t.app,
      "/admin/moderation?kind=event",
      `/admin/moderation/${item.id}/approve`,
      {},
      staff.get("moderator"),
    );
    expect(res.statusCode).toBe(303);
  };
  const organiserCookies = async (g: { slug: string; organiserEmail: string }) => ({
    organiser: (await signInAsOrganiser(t, g.slug, g.organiserEmail)).split("=").slice(1).join("="),
  });

  describe("a host names the group that runs their event", () => {
    it("offers published groups with an organiser, and refuses a group not in the list", async () => {
      const g = await addGroup(t.deps.db, { name: "Finnsnes friends", town: "Finnsnes" });
      await addGroup(t.deps.db, { name: "Secret waiting group", status: "waiting" });
      const form = await t.app.inject("/events/new");
      expect(form.body).toContain('<label for="field-group">This event is run by a group (optional)</label>');
      expect(form.body).toMatch(
        new RegExp(`<option value="${g.slug}"[^>]*>Finnsnes friends \\(Finnsnes, Norway\\)</option>`),
      );
      expect(form.body).not.toContain("Secret waiting group");
      const title = `Unknown group ${Math.random()}`;
      const res = await postForm(t.app, "/events/new", "/events/new", hostFields({ title, group: "no-such-group" }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#field-group"');
      expect(res.body).toContain("Choose a group from the list, or no group");
      expect(
        await t.deps.db.selectFrom("events").select("id").where("title", "=", title).executeTakeFirst(),
      ).toBeUndefined();
    });

    it("lists the event under the group only once its organiser accepts, after a moderator let it in", async () => {
      const g = await addGroup(t.deps.db, { name: "Sortland soup", town: "Sortland" });
      const title = `Soup night ${Math.random()}`;
      const sent = await postForm(t.app, "/events/new", "/events/new", hostFields({ title, group: g.slug }));
      expect(sent.statusCode).toBe(303);
      const event = await eventTitled(title);
      expect(event).toMatchObject({ group_id: null, group_claim_id: g.id });
      await runJobs(t.deps);
      expect(await mailTo(t.deps.db, g.organiserEmail)).toHaveLength(0);

      await approve(event.id);
      await runJobs(t.deps);
      const claim = (await mailTo(t.deps.db, g.organiserEmail)).at(-1);
      expect(claim?.subject).toBe("An event asks to be listed under Sortland soup");
      expect(claim?.text).toContain(`Ingrid says Sortland soup runs “${title}”`);
      expect((await t.app.inject(`/groups/${g.slug}`)).body).not.toContain(title);

      const token = /\/groups\/organiser\/continue\?token=([A-Za-z0-9_-]{43})/.exec(claim?.text ?? "")?.[1] ?? "";
      const signedIn = await postForm(
        t.app,
        `/groups/organiser/continue?token=${token}`,
        "/groups/organiser/continue",
        { token },
      );
      expect(signedIn.statusCode).toBe(303);
      const cookies = { organiser: signedIn.cookies.find((c) => c.name === "organiser")?.value ?? "" };
      const page = await get(t.app, "/groups/organiser", cookies);
      expect(page.body).toContain("Events that name your group");
      expect(page.body).toContain(`Accept “${title}”`);
      const accepted = await post(
        t.app,
        "/groups/organiser/edit",
        `/groups/organiser/events/${event.slug}/accept`,
        {},
        cookies,
      );
      expect(accepted.statusCode).toBe(303);
      expect(accepted.headers.location).toBe("/groups/organiser?done=accepted");
      expect(await eventTitled(title)).toMatchObject({ group_id: g.id, group_claim_id: null });

      expect((await t.app.inject(`/groups/${g.slug}`)).body).toContain(title);
      const filtered = await t.app.inject(`/events?group=${g.slug}`);
      expect(filtered.body).toContain(title);
      const feed = await t.app.inject(`/groups/${g.slug}/events.ics`);
      expect(feed.body).toContain(`SUMMARY:${title.slice(0, 20)}`);
      // Answered once: a second answer finds nothing to answer.
      const again = await post(
        t.app,
        "/groups/organiser/edit",
        `/groups/organiser/events/${event.slug}/decline`,
        {},
        cookies,
      );
      expect(again.statusCode).toBe(404);
    });

    it("leaves a declined event on its own, and lets no other group's organiser answer for it", async () => {
      const g = await addGroup(t.deps.db, { name: "Narvik nights", town: "Narvik" });
      const other = await addGroup(t.deps.db, { name: "Other group", town: "Narvik" });
      const title = `Declined ${Math.random()}`;
      await postForm(t.app, "/events/new", "/events/new", hostFields({ title, group: g.slug }));
      const event = await eventTitled(title);
      await approve(event.id);
      const intruder = await organiserCookies(other);
      const stolen = await post(
        t.app,
        "/groups/organiser/edit",
        `/groups/organiser/events/${event.slug}/accept`,
        {},
        intruder,
      );
      expect(stolen.statusCode).toBe(404);
      const cookies = await organiserCookies(g);
      const declined = await post(
        t.app,
        "/groups/organiser/edit",
        `/groups/organiser/events/${event.slug}/decline`,
        {},
        cookies,
      );
      expect(declined.headers.location).toBe("/groups/organiser?done=declined");
      expect(await eventTitled(title)).toMatchObject({ group_id: null, group_claim_id: null });
      expect((await t.app.inject(`/groups/${g.slug}`)).body).not.toContain(title);
    });
  });

  describe("staff edit a group and its organiser", () => {
    it("saves new details at once, audited, and refuses bad input without writing", async () => {
      const g = await addGroup(t.deps.db, { name: "Kautokeino kitchen", town: "Kautokeino" });
      const admin = staff.get("admin");
      const page = await get(t.app, `/admin/groups/${g.id}/edit`, admin);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('value="Kautokeino kitchen"');
      expect(page.body).toContain(g.organiserEmail);
      const bad = await post(
        t.app,
        `/admin/groups/${g.id}/edit`,
        `/admin/groups/${g.id}/edit`,
        { group_name: "", description: "ok", town: "Kautokeino", country: "NO", place: "country" },
        admin,
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#field-groupName"');
      expect(await auditOf(t, "group.edit", g.id)).toHaveLength(0);
      const saved = await post(
        t.app,
        `/admin/groups/${g.id}/edit`,
        `/admin/groups/${g.id}/edit`,
        {
          group_name: "Kautokeino kitchen club",
          description: "Reindeer stew.",
          town: "Kautokeino",
          country: "NO",
          place: "country",
        },
        admin,
      );
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe("/admin/groups?done=edit");
      expect((await t.app.inject(`/groups/${g.slug}`)).body).toContain("Reindeer stew.");
      const [audit] = await auditOf(t, "group.edit", g.id);
      expect(JSON.parse(audit?.before ?? "{}")).toMatchObject({ name: "Kautokeino kitchen" });
      expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ name: "Kautokeino kitchen club" });
      expect((await get(t.app, `/admin/groups/${g.id}/edit`, staff.get("moderator"))).statusCode).toBe(403);
      expect((await get(t.app, "/admin/groups/999999/edit", admin)).statusCode).toBe(404);
    });

    it("gives a group a new organiser, audited, who can then ask for their link; the old one cannot", async () => {
      const g = await addGroup(t.deps.db, { name: "Vardø velkommen", town: "Vardø" });
      const admin = staff.get("admin");
      const bad = await post(
        t.app,
        `/admin/groups/${g.id}/edit`,
        `/admin/groups/${g.id}/organiser`,
        { organiser_name: "", organiser_email: "not-an-address" },
        admin,
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#field-organiserName"');
      expect(bad.body).toContain('href="#field-organiserEmail"');
      // The organiser being replaced is signed in to their group's page.
      const oldCookies = { organiser: (await organiserCookieValue(t.deps, g.id)) ?? "" };
      expect((await get(t.app, "/groups/organiser", oldCookies)).statusCode).toBe(200);
      const newOrganiser = newEmail();
      const set = await post(
        t.app,
        `/admin/groups/${g.id}/edit`,
        `/admin/groups/${g.id}/organiser`,
        { organiser_name: "Nils Nygaard", organiser_email: newOrganiser },
        admin,
      );
      expect(set.statusCode).toBe(303);
      expect(set.headers.location).toBe("/admin/groups?done=organiser");
      const [audit] = await auditOf(t, "group.organiser", g.id);
      expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ organiser_name: "Nils Nygaard" });
      expect(audit?.after).not.toContain(newOrganiser);
      // Their cookie stops at once, though it had most of its hour left.
      expect((await get(t.app, "/groups/organiser", oldCookies)).statusCode).toBe(401);
      const cookie = await signInAsOrganiser(t, g.slug, newOrganiser);
      expect(cookie).toMatch(/^organiser=/);
      await postForm(t.app, `/groups/${g.slug}`, `/groups/${g.slug}/organiser-link`, { email: g.organiserEmail });
      await runJobs(t.deps);
      expect(await mailTo(t.deps.db, g.organiserEmail)).toHaveLength(0);
    });
  });
});
