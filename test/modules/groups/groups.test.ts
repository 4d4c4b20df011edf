import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRetention } from "../../../src/modules/community/retention.ts";
import { eraseSupporter, exportSupporterData } from "../../../src/modules/community/your-data.service.ts";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { addEvent } from "../events/event-helpers.ts";
import { mailTo, newEmail, runJobs } from "../petitions/petition-helpers.ts";
import { addGroup, groupTokenIn, joinAndConfirm, joinGroup, signInAsOrganiser } from "./group-helpers.ts";

const organiserPage = (t: TestApp, cookie: string) => t.app.inject({ url: "/groups/organiser", headers: { cookie } });

describeEachDatabase("local groups", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  describe("the directory", () => {
    it("finds published groups by words, country and town, and never shows waiting ones", async () => {
      await addGroup(t.deps.db, { name: "Kirkenes café", town: "Kirkenes", description: "Waffles and **Norwegian**." });
      await addGroup(t.deps.db, { name: "Hidden request", town: "Kirkenes", status: "waiting" });
      const all = await t.app.inject("/groups");
      expect(all.statusCode).toBe(200);
      expect(all.body).toContain("Welcome Oslo");
      expect(all.body).toContain("Accueil Lyon");
      expect(all.body).toContain("Kirkenes café");
      expect(all.body).not.toContain("Hidden request");
      const words = await t.app.inject("/groups?q=WAFFLES");
      expect(words.body).toContain("Kirkenes café");
      expect(words.body).not.toContain("Welcome Oslo");
      const france = await t.app.inject("/groups?country=FR");
      expect(france.body).toContain("Accueil Lyon");
      expect(france.body).not.toContain("Kirkenes café");
      const town = await t.app.inject("/groups?town=bergen");
      expect(town.body).toContain("Bergen welcomes");
      expect(town.body).not.toContain("Welcome Oslo");
      const none = await t.app.inject("/groups?q=%25_nothing");
      expect(none.body).toContain("No group matches your search");
    });

    it("draws a map with the countries of groups shaded and a dot for each chosen point, named and described", async () => {
      const page = await t.app.inject("/groups?country=NO");
      const svg = /<svg[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? "";
      expect(svg).toContain('role="img"');
      expect(svg).toContain('<title id="groups-map-title">Where the groups are</title>');
      expect(svg).toMatch(/<desc id="groups-map-desc">A world map\./);
      expect(svg).toMatch(/data-country="NO" d="[^"]+"><title>Norway: \d+ groups<\/title>/);
      expect(svg).not.toMatch(/data-country="FR" d="[^"]+"><title>/);
      // Oslo chose a point; Bergen chose the country only.
      expect(svg).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="5"><title>Welcome Oslo, Oslo<\/title><\/circle>/);
      expect(svg).not.toContain("Bergen welcomes, Bergen");
    });

    it("shows a group's page with its description, town and upcoming events, but never its organiser", async () => {
      const g = await addGroup(t.deps.db, { name: "Narvik neighbours", town: "Narvik" });
      const event = await addEvent(t.deps.db, { title: "Narvik soup evening" });
      await t.deps.db.updateTable("events").set({ group_id: g.id }).where("id", "=", event.id).execute();
      await addEvent(t.deps.db, { title: "Someone else’s picnic" });
      const page = await t.app.inject(`/groups/${g.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("<strong>Thursdays</strong>");
      expect(page.body).toContain("Narvik, Norway");
      expect(page.body).toContain("Narvik soup evening");
      expect(page.body).not.toContain("Someone else’s picnic");
      expect(page.body).not.toContain(g.organiserEmail);
      expect(page.body).not.toContain("Solveig");
      const filtered = await t.app.inject(`/events?group=${g.slug}`);
      expect(filtered.body).toContain("Narvik soup evening");
      expect(filtered.body).not.toContain("Someone else’s picnic");
      expect(filtered.body).toMatch(new RegExp(`<option value="${g.slug}" selected[^>]*>Narvik neighbours</option>`));
      const feed = await t.app.inject(`/groups/${g.slug}/events.ics`);
      expect(feed.headers["content-type"]).toContain("text/calendar");
      expect(feed.body).toContain("SUMMARY:Narvik soup evening");
      expect(feed.body).not.toContain("picnic");
      expect((await t.app.inject("/groups/no-such-group")).statusCode).toBe(404);
    });
  });

  describe("starting a group", () => {
    it("refuses bad input with every problem at once and stores nothing", async () => {
      const before = await t.deps.db.selectFrom("groups").select("id").execute();
      const res = await postForm(t.app, "/groups/new", "/groups/new", {
        name: "",
        email: "not-an-address",
        group_name: "",
        description: "",
        town: "",
        country: "XX",
        place: "point",
        latitude: "123",
        longitude: "",
      });
      expect(res.statusCode).toBe(400);
      for (const id of ["name", "email", "groupName", "description", "town", "country", "latitude", "longitude"]) {
        expect(res.body).toContain(`href="#field-${id}"`);
      }
      expect(await t.deps.db.selectFrom("groups").select("id").execute()).toHaveLength(before.length);
    });

    it('waits for a moderator as the kind "group"; approval publishes it and tells the organiser', async () => {
      const email = newEmail();
      const res = await postForm(t.app, "/groups/new", "/groups/new", {
        name: "Lina Haddad",
        email,
        group_name: "Stavanger welcome circle",
        description: "Walks, coffee and <script>alert(1)</script> help with letters.",
        town: "Stavanger",
        country: "NO",
        place: "point",
        latitude: "58.96912",
        longitude: "5.73311",
      });
      expect(res.statusCode).toBe(303);
      const group = await t.deps.db
        .selectFrom("groups")
        .selectAll()
        .where("name", "=", "Stavanger welcome circle")
        .executeTakeFirstOrThrow();
      expect(group.status).toBe("waiting");
      expect([Number(group.latitude), Number(group.longitude)]).toEqual([58.97, 5.73]);
      expect((await t.app.inject(`/groups/${group.slug}`)).statusCode).toBe(404);
      const item = await t.deps.db
        .selectFrom("moderation_items")
        .select(["id", "status"])
        .where("kind", "=", "group")
        .where("subject_id", "=", group.id)
        .executeTakeFirstOrThrow();
      const moderator = await makeStaff(t, "moderator");
      const cookies = { [STAFF_COOKIE]: await signIn(t, moderator) };
      const queue = await get(t.app, "/admin/moderation?kind=group", cookies);
      expect(queue.body).toContain("Stavanger welcome circle");
      const approved = await post(
        t.app,
        "/admin/moderation?kind=group",
        `/admin/moderation/${item.id}/approve`,
        {},
        cookies,
      );
      expect(approved.statusCode).toBe(303);
      const page = await t.app.inject(`/groups/${group.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain("<script>alert(1)</script>");
      await runJobs(t.deps);
      const told = (await mailTo(t.deps.db, email)).at(-1);
      expect(told?.subject).toBe("Your group is on the site: Stavanger welcome circle");
    });
  });

  describe("joining, the organiser's page and leaving", () => {
    it("records the separate consent with its words, and shows the organiser only members who gave it", async () => {
      const g = await addGroup(t.deps.db);
      const sharing = await joinAndConfirm(t, g.slug, { name: "Karim Nazari", share: "yes" });
      const silent = await joinAndConfirm(t, g.slug, { name: "Quiet Person" });
      const consent = await t.deps.db
        .selectFrom("consents")
        .innerJoin("supporters", "supporters.id", "consents.supporter_id")
        .select(["consents.purpose", "consents.wording", "consents.confirmed_at"])
        .where("supporters.email", "=", sharing.email)
        .executeTakeFirstOrThrow();
      expect(consent.purpose).toBe("share-with-group-organiser");
      expect(consent.wording).toBe(
        "Share my name and email address with the group’s organiser, so they can write to me about the group.",
      );
      expect(consent.confirmed_at).not.toBeNull();
      const none = await t.deps.db
        .selectFrom("consents")
        .innerJoin("supporters", "supporters.id", "consents.supporter_id")
        .select("consents.id")
        .where("supporters.email", "=", silent.email)
        .execute();
      expect(none).toHaveLength(0);

      expect((await t.app.inject("/groups/organiser")).statusCode).toBe(401);
      const cookie = await signInAsOrganiser(t, g.slug, g.organiserEmail);
      const page = await organiserPage(t, cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Karim Nazari");
      expect(page.body).toContain(sharing.email);
      expect(page.body).not.toContain("Quiet Person");
      expect(page.body).not.toContain(silent.email);
      expect(page.body).toContain("2 members in all; 1 has agreed");

      // Leaving by the welcome email's link takes them off the organiser's page.
      const leave = /\/groups\/leave\?m=([\w.-]+)/.exec(sharing.welcome?.text ?? "")?.[1];
      expect(leave).toBeDefined();
      const left = await postForm(t.app, `/groups/leave?m=${leave}`, "/groups/leave", { m: leave as string });
      expect(left.statusCode).toBe(303);
      const after = await organiserPage(t, cookie);
      expect(after.body).not.toContain("Karim Nazari");
      const withdrawn = await t.deps.db
        .selectFrom("consents")
        .innerJoin("supporters", "supporters.id", "consents.supporter_id")
        .select("consents.withdrawn_at")
        .where("supporters.email", "=", sharing.email)
        .executeTakeFirstOrThrow();
      expect(withdrawn.withdrawn_at).not.toBeNull();
    });

    it("is a member only after the emailed button, once per canonical email, and a stranger's link opens nothing", async () => {
      const g = await addGroup(t.deps.db);
      const email = `${Math.random().toString(36).slice(2)}.x@gmail.com`;
      expect((await joinGroup(t.app, g.slug, { name: "Amina", email })).statusCode).toBe(303);
      expect(
        (await joinGroup(t.app, g.slug, { name: "Amina", email: email.replace(".x@", "x+tag@") })).statusCode,
      ).toBe(303);
      const rows = await t.deps.db.selectFrom("group_members").select("status").where("group_id", "=", g.id).execute();
      expect(rows).toEqual([{ status: "pending" }]);
      await runJobs(t.deps);
      const token = groupTokenIn((await mailTo(t.deps.db, email)).at(-1));
      expect((await t.app.inject(`/groups/join/confirm?token=${token}`)).statusCode).toBe(200);
      expect(
        (await t.deps.db.selectFrom("group_members").select("status").where("group_id", "=", g.id).execute())[0]
          ?.status,
      ).toBe("pending");
      const bad = await joinGroup(t.app, g.slug, { name: "", email: "nope" });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#field-name"');
      expect((await t.app.inject("/groups/leave?m=1.AAAAAAAAAAAAAAAAAAAAAA")).statusCode).toBe(404);
      const cookie = "organiser=1.9999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
      expect((await organiserPage(t, cookie)).statusCode).toBe(401);
    });

    it("sends a new confirmation to someone joining another group after the first was deleted (ids used again)", async () => {
      const email = newEmail();
      const first = await addGroup(t.deps.db);
      await joinGroup(t.app, first.slug, { name: "Amina", email });
      await t.deps.db.deleteFrom("groups").where("id", "=", first.id).execute();
      const second = await addGroup(t.deps.db, { name: "Second group" });
      await joinGroup(t.app, second.slug, { name: "Amina", email });
      await runJobs(t.deps);
      const subjects = (await mailTo(t.deps.db, email)).map((m) => m.subject);
      expect(subjects).toContain("Please confirm: join Second group");
    });
  });

  describe("the contact form", () => {
    it("relays the message through the outbox to the organiser, whose address is never shown", async () => {
      const g = await addGroup(t.deps.db);
      const page = await t.app.inject(`/groups/${g.slug}`);
      expect(page.body).toContain("We send your message to the organiser by email with your name and email address");
      const sender = newEmail();
      const res = await postForm(t.app, `/groups/${g.slug}`, `/groups/${g.slug}/contact`, {
        contact_name: "Hannah Berg",
        contact_email: sender,
        message: "Can I bring my neighbour on Thursday?",
      });
      expect(res.statusCode).toBe(303);
      const queued = await t.deps.db
        .selectFrom("mail_outbox")
        .select(["id", "kind", "state"])
        .where("kind", "=", "group-contact")
        .where("supporter_id", "=", g.organiserId)
        .executeTakeFirstOrThrow();
      expect(queued.state).toBe("queued");
      expect((await t.app.inject(res.headers.location as string)).body).not.toContain(g.organiserEmail);
      await runJobs(t.deps);
      const mail = (await mailTo(t.deps.db, g.organiserEmail)).at(-1);
      expect(mail?.subject).toBe("A message for Welcome Tromsø from Hannah Berg");
      expect(mail?.text).toContain("Can I bring my neighbour on Thursday?");
      expect(JSON.parse(mail?.headers ?? "{}")["Reply-To"]).toBe(sender);
      expect(await mailTo(t.deps.db, sender)).toHaveLength(0);
      const sent = await t.deps.db
        .selectFrom("mail_outbox")
        .select(["state", "params"])
        .where("id", "=", queued.id)
        .executeTakeFirstOrThrow();
      expect(sent.state).toBe("sent");
      expect(sent.params).not.toContain("neighbour");
      const empty = await postForm(t.app, `/groups/${g.slug}`, `/groups/${g.slug}/contact`, {});
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('href="#field-contactName"');
      expect(empty.body).toContain('href="#field-message"');
    });
  });

  describe("privacy", () => {
    it("exports memberships and organised groups, and erasure removes memberships and unpublishes organised groups", async () => {
      const g = await addGroup(t.deps.db, { name: "Erased organiser’s group" });
      const waiting = await addGroup(t.deps.db, { name: "Never published", status: "waiting" });
      await t.deps.db
        .updateTable("groups")
        .set({ organiser_supporter_id: g.organiserId })
        .where("id", "=", waiting.id)
        .execute();
      const member = await joinAndConfirm(t, g.slug, { share: "yes" });
      const memberId = (
        await t.deps.db
          .selectFrom("supporters")
          .select("id")
          .where("email", "=", member.email)
          .executeTakeFirstOrThrow()
      ).id;
      const data = await exportSupporterData(t.deps, memberId);
      expect(data?.group_memberships).toEqual([
        expect.objectContaining({ group: "Erased organiser’s group", status: "member", shares_with_organiser: true }),
      ]);
      const organiserData = await exportSupporterData(t.deps, g.organiserId);
      expect(organiserData?.groups_organised.map((x) => x.name).sort()).toEqual([
        "Erased organiser’s group",
        "Never published",
      ]);

      await eraseSupporter(t.deps, memberId);
      expect(
        await t.deps.db.selectFrom("group_members").select("id").where("supporter_id", "=", memberId).execute(),
      ).toHaveLength(0);
      await eraseSupporter(t.deps, g.organiserId);
      const kept = await t.deps.db.selectFrom("groups").selectAll().where("id", "=", g.id).executeTakeFirstOrThrow();
      expect(kept).toMatchObject({ status: "unpublished", organiser_supporter_id: null, organiser_name: "" });
      expect(await t.deps.db.selectFrom("groups").select("id").where("id", "=", waiting.id).execute()).toHaveLength(0);
      expect((await t.app.inject(`/groups/${g.slug}`)).statusCode).toBe(404);
    });

    it("deletes memberships never confirmed after the unconfirmed period, and keeps confirmed members", async () => {
      const g = await addGroup(t.deps.db);
      const confirmed = await joinAndConfirm(t, g.slug);
      const email = newEmail();
      await joinGroup(t.app, g.slug, { name: "Never Confirmed", email });
      const later = new Date(Date.now() + 31 * 864e5);
      const outcome = await applyRetention(t.deps, later);
      expect(outcome.unconfirmedGroupMembers).toBeGreaterThanOrEqual(1);
      const left = await t.deps.db
        .selectFrom("group_members")
        .innerJoin("supporters", "supporters.id", "group_members.supporter_id")
        .select("supporters.email")
        .where("group_id", "=", g.id)
        .execute();
      expect(left.map((r) => r.email)).toEqual([confirmed.email]);
    });
  });

  describe("the groups admin", () => {
    it("lists groups with member counts; campaigners unpublish and republish with an audit record; moderators may not", async () => {
      const g = await addGroup(t.deps.db, { name: "Admin test group" });
      await joinAndConfirm(t, g.slug);
      const campaigner = await makeStaff(t, "campaigner");
      const cookies = { [STAFF_COOKIE]: await signIn(t, campaigner) };
      const list = await get(t.app, "/admin/groups", cookies);
      expect(list.statusCode).toBe(200);
      expect(list.body).toMatch(/Admin test group[\s\S]*?<td>1<\/td>/);
      const off = await post(t.app, "/admin/groups", `/admin/groups/${g.id}/unpublish`, {}, cookies);
      expect(off.statusCode).toBe(303);
      expect((await t.app.inject(`/groups/${g.slug}`)).statusCode).toBe(404);
      const audit = await t.deps.db
        .selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "group.unpublish")
        .where("entity_id", "=", String(g.id))
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.after ?? "{}")).toEqual({ status: "unpublished" });
      await post(t.app, "/admin/groups", `/admin/groups/${g.id}/republish`, {}, cookies);
      expect((await t.app.inject(`/groups/${g.slug}`)).statusCode).toBe(200);
      const noCsrf = await post(t.app, "/admin/groups", `/admin/groups/${g.id}/unpublish`, {}, cookies, {
        csrf: false,
      });
      expect(noCsrf.statusCode).toBe(403);
      const moderator = await makeStaff(t, "moderator");
      const modCookies = { [STAFF_COOKIE]: await signIn(t, moderator) };
      expect((await get(t.app, "/admin/groups", modCookies)).statusCode).toBe(403);
    });
  });
});
