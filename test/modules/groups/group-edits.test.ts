import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { mailTo, runJobs } from "../petitions/petition-helpers.ts";
import { addGroup, signInAsOrganiser } from "./group-helpers.ts";

const details = (fields: Record<string, string> = {}) => ({
  group_name: "Welcome Tromsø",
  description: "We meet on **Thursdays**.",
  town: "Tromsø",
  country: "NO",
  place: "country",
  latitude: "",
  longitude: "",
  ...fields,
});

describeEachDatabase("organisers change their group's details", (db) => {
  let t: TestApp;
  let moderator: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    moderator = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "moderator")) };
  });
  afterAll(async () => t.app.close());

  const asOrganiser = async (g: { slug: string; organiserEmail: string }) => {
    const cookie = await signInAsOrganiser(t, g.slug, g.organiserEmail);
    return { organiser: cookie.split("=").slice(1).join("=") };
  };
  const itemOf = (groupId: number) =>
    t.deps.db
      .selectFrom("moderation_items as m")
      .innerJoin("group_edits as e", "e.id", "m.subject_id")
      .select(["m.id", "m.status", "e.status as edit_status"])
      .where("m.kind", "=", "group-edit")
      .where("e.group_id", "=", groupId)
      .orderBy("m.id", "desc")
      .executeTakeFirst();
  const groupRow = (id: number) =>
    t.deps.db.selectFrom("groups").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("shows the organiser a form with the group's details, and nobody else", async () => {
    const g = await addGroup(t.deps.db, { name: "Harstad hearts", town: "Harstad" });
    const cookies = await asOrganiser(g);
    const organiserPage = await get(t.app, "/groups/organiser", cookies);
    expect(organiserPage.body).toContain('href="/groups/organiser/edit"');
    const form = await get(t.app, "/groups/organiser/edit", cookies);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Harstad hearts"');
    expect(form.body).toContain("We meet on **Thursdays**.");
    expect((await get(t.app, "/groups/organiser/edit")).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: "/groups/organiser/edit" })).statusCode).toBe(403);
  });

  it("keeps the old words public until a moderator approves the change, then shows the new ones and tells the organiser", async () => {
    const g = await addGroup(t.deps.db, { name: "Alta friends", town: "Alta" });
    const cookies = await asOrganiser(g);
    const sent = await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({ group_name: "Alta friends and neighbours", description: "Now on **Fridays** too.", town: "Alta" }),
      cookies,
    );
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe("/groups/organiser?done=waiting");
    const before = await t.app.inject(`/groups/${g.slug}`);
    expect(before.body).toContain("Alta friends");
    expect(before.body).not.toContain("Fridays");
    const page = await get(t.app, "/groups/organiser?done=waiting", cookies);
    expect(page.body).toContain("A moderator will read your changes");
    const again = await get(t.app, "/groups/organiser/edit", cookies);
    expect(again.body).toContain("are waiting for a moderator");
    expect(again.body).toContain('value="Alta friends and neighbours"');

    const queue = await get(t.app, "/admin/moderation?kind=group-edit", moderator);
    expect(queue.body).toContain("Alta friends and neighbours (Alta)");
    const item = await itemOf(g.id);
    const approved = await post(
      t.app,
      "/admin/moderation?kind=group-edit",
      `/admin/moderation/${item?.id}/approve`,
      {},
      moderator,
    );
    expect(approved.statusCode).toBe(303);
    const after = await t.app.inject(`/groups/${g.slug}`);
    expect(after.body).toContain("Alta friends and neighbours");
    expect(after.body).toContain("<strong>Fridays</strong>");
    await runJobs(t.deps);
    expect((await mailTo(t.deps.db, g.organiserEmail)).at(-1)?.subject).toBe(
      "Your changes are on the site: Alta friends and neighbours",
    );

    // An undo puts the old details back.
    const undone = await post(
      t.app,
      "/admin/moderation?kind=group-edit",
      `/admin/moderation/${item?.id}/undo`,
      {},
      moderator,
    );
    expect(undone.statusCode).toBe(303);
    expect(await groupRow(g.id)).toMatchObject({ name: "Alta friends", description_md: "We meet on **Thursdays**." });
    expect((await itemOf(g.id))?.edit_status).toBe("waiting");
  });

  it("leaves the group as it was when a moderator rejects the change", async () => {
    const g = await addGroup(t.deps.db, { name: "Bodø buddies", town: "Bodø" });
    const cookies = await asOrganiser(g);
    await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({ group_name: "Buy cheap watches", town: "Bodø" }),
      cookies,
    );
    const item = await itemOf(g.id);
    const rejected = await post(
      t.app,
      "/admin/moderation?kind=group-edit",
      `/admin/moderation/${item?.id}/reject`,
      { reason: "advertising" },
      moderator,
    );
    expect(rejected.statusCode).toBe(303);
    expect((await groupRow(g.id)).name).toBe("Bodø buddies");
    expect((await itemOf(g.id))?.edit_status).toBe("rejected");
  });

  it("replaces a change still waiting with a newer one: one item in the queue", async () => {
    const g = await addGroup(t.deps.db, { name: "Molde meals", town: "Molde" });
    const cookies = await asOrganiser(g);
    await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({ group_name: "Molde meals 1", town: "Molde" }),
      cookies,
    );
    await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({ group_name: "Molde meals 2", town: "Molde" }),
      cookies,
    );
    const edits = await t.deps.db
      .selectFrom("group_edits")
      .select(["name", "status"])
      .where("group_id", "=", g.id)
      .execute();
    expect(edits).toEqual([{ name: "Molde meals 2", status: "waiting" }]);
    const queue = await get(t.app, "/admin/moderation?kind=group-edit", moderator);
    expect(queue.body).toContain("Molde meals 2");
    expect(queue.body).not.toContain("Molde meals 1");
  });

  it("publishes a new map point alone at once, and says so when nothing changed", async () => {
    const g = await addGroup(t.deps.db, { name: "Hamar hosts", town: "Hamar" });
    const cookies = await asOrganiser(g);
    const base = { group_name: "Hamar hosts", town: "Hamar" };
    const moved = await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({ ...base, place: "point", latitude: "60,7945", longitude: "11.0679" }),
      cookies,
    );
    expect(moved.headers.location).toBe("/groups/organiser?done=published");
    expect(await groupRow(g.id)).toMatchObject({ latitude: 60.79, longitude: 11.07 });
    expect(await itemOf(g.id)).toBeUndefined();
    const same = await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({ ...base, place: "point", latitude: "60.79", longitude: "11.07" }),
      cookies,
    );
    expect(same.headers.location).toBe("/groups/organiser?done=unchanged");
  });

  it("queues a new change even when the engine hands out the id of a deleted group's approved one", async () => {
    const gone = await addGroup(t.deps.db, { name: "Gone group", town: "Vadsø" });
    await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({ group_name: "Gone group 2", town: "Vadsø" }),
      await asOrganiser(gone),
    );
    const item = await itemOf(gone.id);
    await post(t.app, "/admin/moderation?kind=group-edit", `/admin/moderation/${item?.id}/approve`, {}, moderator);
    await t.deps.db.deleteFrom("groups").where("id", "=", gone.id).execute();
    const g = await addGroup(t.deps.db, { name: "Vadsø welcome", town: "Vadsø" });
    await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({ group_name: "Vadsø welcome 2", town: "Vadsø" }),
      await asOrganiser(g),
    );
    expect(await itemOf(g.id)).toMatchObject({ status: "waiting", edit_status: "waiting" });
    expect((await get(t.app, "/admin/moderation?kind=group-edit", moderator)).body).toContain("Vadsø welcome 2");
  });

  it("answers bad input with every problem at once and writes nothing", async () => {
    const g = await addGroup(t.deps.db, { name: "Lillehammer lunches", town: "Lillehammer" });
    const cookies = await asOrganiser(g);
    const res = await post(
      t.app,
      "/groups/organiser/edit",
      "/groups/organiser/edit",
      details({
        group_name: "",
        description: "x".repeat(5001),
        country: "XX",
        place: "point",
        latitude: "91",
        longitude: "abc",
      }),
      cookies,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("<title>Error:");
    for (const field of ["groupName", "description", "country", "latitude", "longitude"]) {
      expect(res.body).toContain(`href="#field-${field}"`);
    }
    expect(await itemOf(g.id)).toBeUndefined();
    expect((await groupRow(g.id)).name).toBe("Lillehammer lunches");
  });
});
