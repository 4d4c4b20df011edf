import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_HANDLERS, JOB_SCHEDULES } from "../../../src/jobs/handlers.ts";
import { startWorker } from "../../../src/jobs/worker.ts";
import { mayMove, TRANSITIONS } from "../../../src/modules/campaigns/campaign-states.ts";
import { openDueCampaigns } from "../../../src/modules/campaigns/editor.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "./admin-helpers.ts";
import { campaignFields, campaignRow } from "./campaign-helpers.ts";

describe("the moves each state allows", () => {
  it("never leaves a delivered campaign anywhere, and never reopens a closed one", () => {
    expect(TRANSITIONS.delivered).toEqual([]);
    for (const state of ["closed", "won", "delivered"] as const) {
      expect(mayMove(state, "publish")).toBe(false);
      expect(mayMove(state, "schedule")).toBe(false);
    }
    expect(mayMove("draft", "close")).toBe(false);
    expect(mayMove("draft", "unschedule")).toBe(false);
    expect(mayMove("scheduled", "unschedule")).toBe(true);
  });
});

describeEachDatabase("a campaign's states", (db) => {
  let t: TestApp;
  let cookie: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    cookie = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "campaigner")) };
  });
  afterAll(async () => t.app.close());

  async function draft(title: string) {
    const res = await post(t.app, "/admin/campaigns/new", "/admin/campaigns/new", campaignFields({ title }), cookie);
    expect(res.statusCode).toBe(303);
    const row = await campaignRow(t, title.toLowerCase().replaceAll(" ", "-"));
    if (!row) throw new Error("no draft");
    return row.id;
  }
  const move = (id: number, transition: string, fields: Record<string, string> = {}) =>
    post(t.app, `/admin/campaigns/${id}`, `/admin/campaigns/${id}/status`, { transition, ...fields }, cookie);
  const rowOf = (id: number) =>
    t.deps.db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const hourFromNow = () => new Date(Date.now() + 3600_000).toISOString().slice(0, 16);

  it("publishes a draft: the public sees it, and only moves that fit are offered", async () => {
    const id = await draft("Open me now");
    const page = await get(t.app, `/admin/campaigns/${id}`, cookie);
    expect(page.body).toContain('value="publish"');
    expect(page.body).not.toContain('value="close"');
    expect((await move(id, "publish")).statusCode).toBe(303);
    expect((await rowOf(id)).status).toBe("open");
    expect((await t.app.inject({ url: "/campaigns/open-me-now" })).statusCode).toBe(200);
    const after = await get(t.app, `/admin/campaigns/${id}`, cookie);
    expect(after.body).toContain('value="close"');
    expect(after.body).not.toContain('value="publish"');
    const [audit] = await auditOf(t, "campaign.publish", id);
    expect(JSON.parse(audit?.before ?? "{}")).toMatchObject({ status: "draft" });
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ status: "open" });
  });

  it("refuses a move the state does not allow with 409, changing nothing", async () => {
    const id = await draft("Not yet open");
    const res = await move(id, "close");
    expect(res.statusCode).toBe(409);
    expect((await rowOf(id)).status).toBe("draft");
    expect(await auditOf(t, "campaign.close", id)).toHaveLength(0);
    expect((await move(id, "fly-away")).statusCode).toBe(400);
  });

  it("schedules a draft, keeps it hidden, and the clock opens it when due", async () => {
    const id = await draft("Open me later");
    const past = await move(id, "schedule", { publishAt: "2020-01-01T10:00" });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("still to come");
    expect((await rowOf(id)).publish_at).toBeNull();
    const when = hourFromNow();
    expect((await move(id, "schedule", { publishAt: when })).statusCode).toBe(303);
    const scheduled = await rowOf(id);
    expect(scheduled).toMatchObject({ status: "draft", publish_at: `${when}:00.000Z` });
    expect((await t.app.inject({ url: "/campaigns/open-me-later" })).statusCode).toBe(404);
    expect((await get(t.app, "/admin/campaigns", cookie)).body).toContain("Scheduled");

    expect(await openDueCampaigns(t.deps, new Date())).toBe(0);
    expect((await rowOf(id)).status).toBe("draft");
    await openDueCampaigns(t.deps, new Date(Date.now() + 2 * 3600_000));
    expect((await rowOf(id)).status).toBe("open");
    const [audit] = await auditOf(t, "campaign.open-scheduled", id);
    expect(audit?.staff_user_id).toBeNull();
  });

  it("is opened by the job worker's own schedule once its time has passed", async () => {
    const id = await draft("Opened by the clock");
    await move(id, "schedule", { publishAt: hourFromNow() });
    // The time comes (moved back, as an hour passing would).
    await t.deps.db
      .updateTable("campaigns")
      .set({ publish_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", id)
      .execute();
    const worker = startWorker(t.deps, JOB_HANDLERS, { schedules: JOB_SCHEDULES, pollMs: 60_000 });
    try {
      await worker.drain();
    } finally {
      await worker.stop();
    }
    expect((await rowOf(id)).status).toBe("open");
    expect((await t.app.inject({ url: "/campaigns/opened-by-the-clock" })).statusCode).toBe(200);
  });

  it("takes a scheduled campaign back to a draft", async () => {
    const id = await draft("Changed my mind");
    await move(id, "schedule", { publishAt: hourFromNow() });
    expect((await move(id, "unschedule")).statusCode).toBe(303);
    expect((await rowOf(id)).publish_at).toBeNull();
    await openDueCampaigns(t.deps, new Date(Date.now() + 2 * 3600_000));
    expect((await rowOf(id)).status).toBe("draft");
  });

  it("closes, declares victory and marks delivered, starting the retention clock once", async () => {
    const id = await draft("Run its course");
    await move(id, "publish");
    expect((await move(id, "close")).statusCode).toBe(303);
    const closed = await rowOf(id);
    expect(closed.status).toBe("closed");
    expect(closed.closed_at).not.toBeNull();

    const noOutcome = await move(id, "declare-victory", { outcome: "" });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.body).toContain("There is a problem");
    expect((await rowOf(id)).status).toBe("closed");
    expect((await move(id, "declare-victory", { outcome: "The minister agreed." })).statusCode).toBe(303);
    expect(await rowOf(id)).toMatchObject({
      status: "won",
      outcome: "The minister agreed.",
      closed_at: closed.closed_at,
    });

    const future = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    expect((await move(id, "mark-delivered", { deliveredOn: future })).statusCode).toBe(400);
    expect(
      (await move(id, "mark-delivered", { deliveredOn: "2026-03-02", note: "Handed over at the ministry." }))
        .statusCode,
    ).toBe(303);
    expect(await rowOf(id)).toMatchObject({
      status: "delivered",
      delivered_on: "2026-03-02",
      closed_at: closed.closed_at,
    });
    const page = await t.app.inject({ url: "/campaigns/run-its-course" });
    expect(page.body).toContain("Handed over at the ministry.");
    expect(page.body).toContain("The minister agreed.");
    expect((await move(id, "close")).statusCode).toBe(409);
  });

  it("posts, edits and removes updates on the timeline, each recorded", async () => {
    const id = await draft("With news");
    await move(id, "publish");
    const path = `/admin/campaigns/${id}/updates`;
    const empty = await post(t.app, path, path, { title: "", body: "" }, cookie);
    expect(empty.statusCode).toBe(400);
    expect(await t.deps.db.selectFrom("campaign_updates").select("id").where("campaign_id", "=", id).execute()).toEqual(
      [],
    );
    expect(
      (await post(t.app, path, path, { title: "We met the minister", body: "It went **well**." }, cookie)).statusCode,
    ).toBe(303);
    const update = await t.deps.db
      .selectFrom("campaign_updates")
      .selectAll()
      .where("campaign_id", "=", id)
      .executeTakeFirstOrThrow();
    expect((await t.app.inject({ url: "/campaigns/with-news" })).body).toContain("<strong>well</strong>");

    const edit = `${path}/${update.id}`;
    expect(
      (await post(t.app, edit, edit, { title: "We met the minister today", body: "It went well." }, cookie)).statusCode,
    ).toBe(303);
    expect((await t.app.inject({ url: "/campaigns/with-news" })).body).toContain("We met the minister today");
    expect(await auditOf(t, "campaign-update.update", update.id)).toHaveLength(1);

    // An update of another campaign is not this campaign's to edit.
    const other = (await t.deps.db.selectFrom("campaigns").select("id").where("id", "!=", id).executeTakeFirstOrThrow())
      .id;
    expect((await get(t.app, `/admin/campaigns/${other}/updates/${update.id}`, cookie)).statusCode).toBe(404);

    expect((await post(t.app, path, `${edit}/remove`, {}, cookie)).statusCode).toBe(303);
    expect((await t.app.inject({ url: "/campaigns/with-news" })).body).not.toContain("We met the minister");
    expect(await auditOf(t, "campaign-update.delete", update.id)).toHaveLength(1);
  });

  it("saves a translation that the public page then shows, with updates, and refuses a half one", async () => {
    const id = await draft("Translate me");
    await move(id, "publish");
    const updates = `/admin/campaigns/${id}/updates`;
    await post(t.app, updates, updates, { title: "First news", body: "Something happened." }, cookie);
    const update = await t.deps.db
      .selectFrom("campaign_updates")
      .select("id")
      .where("campaign_id", "=", id)
      .executeTakeFirstOrThrow();
    const path = `/admin/campaigns/${id}/translations/ar`;
    const form = await get(t.app, path, cookie);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('dir="rtl" lang="ar"');
    const words = {
      title: "ترجمني",
      summary: "ملخص الحملة",
      demand: "المطلب",
      targetName: "الوزيرة",
      targetOffice: "وزيرة العدل",
      body: "لماذا هذا **مهم**",
    };
    const half = await post(t.app, path, path, { ...words, [`u${update.id}-title`]: "خبر" }, cookie);
    expect(half.statusCode).toBe(400);
    expect(
      await t.deps.db.selectFrom("campaign_translations").select("locale").where("campaign_id", "=", id).execute(),
    ).toEqual([]);
    const saved = await post(
      t.app,
      path,
      path,
      { ...words, [`u${update.id}-title`]: "أول خبر", [`u${update.id}-body`]: "حدث شيء." },
      cookie,
    );
    expect(saved.statusCode).toBe(303);
    const page = await t.app.inject({ url: "/ar/campaigns/translate-me" });
    expect(page.body).toContain("ترجمني");
    expect(page.body).toContain("وزيرة العدل");
    expect(page.body).toContain("أول خبر");
    // Another language still falls back to the original, saying so.
    const fr = await t.app.inject({ url: "/fr/campaigns/translate-me" });
    expect(fr.body).toContain("Translate me");
    expect(fr.body).toContain('class="fallback-note"');
    expect(await auditOf(t, "campaign.translate", id)).toHaveLength(1);
    const editor = await get(t.app, `/admin/campaigns/${id}`, cookie);
    expect(editor.body).toContain(`/admin/campaigns/${id}/translations/fa`);
    expect(editor.body).not.toContain(`/admin/campaigns/${id}/translations/en"`);
    expect((await get(t.app, `/admin/campaigns/${id}/translations/en`, cookie)).statusCode).toBe(404);
    expect((await get(t.app, `/admin/campaigns/${id}/translations/xx`, cookie)).statusCode).toBe(404);
  });
});
