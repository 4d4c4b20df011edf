import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMove } from "../../../src/modules/content/home-admin.service.ts";
import { DEFAULT_HOME_LAYOUT, findHomeLayout, shownBlocks } from "../../../src/modules/content/home-layout.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, get, staffCookies } from "../admin/admin-helpers.ts";

/** The home page's blocks, in the order it shows them. */
const blocksOn = (html: string) => [...html.matchAll(/data-block="([a-z-]+)"/g)].map((m) => m[1]);

const ALL = ["figures", "campaigns", "stories", "events", "take-action", "join"];

describe("moving a block", () => {
  it("swaps it with its neighbour, and does nothing at either end", () => {
    const order = ["figures", "campaigns", "join"] as const;
    expect(applyMove([...order], "up:campaigns")).toEqual(["campaigns", "figures", "join"]);
    expect(applyMove([...order], "down:campaigns")).toEqual(["figures", "join", "campaigns"]);
    expect(applyMove([...order], "up:figures")).toEqual([...order]);
    expect(applyMove([...order], "down:join")).toEqual([...order]);
    expect(applyMove([...order], "sideways:join")).toEqual([...order]);
  });
});

describeEachDatabase("campaigners choose what the home page shows", (db) => {
  let t: TestApp;
  let campaigner: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaigner = await staffCookies(t, "campaigner");
  });
  afterAll(async () => t.app.close());

  /** Posts the editor's form as a browser does: each ticked box and hidden field a field of its own. */
  const send = async (fields: Record<string, string | string[]>) => {
    const page = await get(t.app, "/admin/home-page", campaigner);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const cookies = { ...campaigner, ...Object.fromEntries(page.cookies.map((c) => [c.name, c.value])) };
    const body = new URLSearchParams({ _csrf: token });
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    return t.app.inject({
      method: "POST",
      url: "/admin/home-page",
      headers: {
        cookie: Object.entries(cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join("; "),
        origin: "http://localhost:3000",
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: body.toString(),
    });
  };

  const audits = () =>
    t.deps.db.selectFrom("audit_log").selectAll().where("action", "=", "home.blocks").orderBy("id").execute();

  it("starts as the home page always was: figures, featured campaigns, stories, joining", async () => {
    expect(await findHomeLayout(t.deps.db)).toEqual(DEFAULT_HOME_LAYOUT);
    expect(shownBlocks(DEFAULT_HOME_LAYOUT)).toEqual(["figures", "campaigns", "stories", "join"]);
    const home = await t.app.inject("/");
    // No story is published yet, so that block has nothing to show.
    expect(blocksOn(home.body)).toEqual(["figures", "campaigns", "join"]);
    expect(home.body).toContain("Stop sending Afghan asylum seekers back to danger");
  });

  it("moves a block, shows hidden ones, audited, and the home page follows at once", async () => {
    // The page as it stood, with "events" and "take-action" ticked, and "join" moved up.
    const res = await send({ order: ALL, shown: ALL, featured: "flagged", move: "up:join" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/home-page?done=moved#shown-join");
    const home = await t.app.inject("/");
    expect(blocksOn(home.body)).toEqual(["figures", "campaigns", "events", "join", "take-action"]);
    expect(home.body).toContain("Coming up");
    expect(home.body).toMatch(/href="\/events\/[a-z0-9-]+"/);
    expect(home.body).toContain("Ways to help");
    const [audit] = await audits();
    expect(JSON.parse(audit?.before ?? "{}")).toEqual(DEFAULT_HOME_LAYOUT);
    expect(JSON.parse(audit?.after ?? "{}").blocks.at(-1)).toEqual({ block: "take-action", shown: true });
    // The editor lists the blocks in their new order.
    const editor = (await get(t.app, "/admin/home-page", campaigner)).body;
    expect(editor.indexOf('id="shown-join"')).toBeLessThan(editor.indexOf('id="shown-take-action"'));
  });

  it("hides a block that is not ticked", async () => {
    await send({ order: ALL, shown: ["campaigns", "join"], featured: "flagged" });
    expect(blocksOn((await t.app.inject("/")).body)).toEqual(["campaigns", "join"]);
  });

  it("features the newest open campaign, or one chosen campaign", async () => {
    const campaigns = await t.deps.db
      .selectFrom("campaigns")
      .select(["id", "title"])
      .where("status", "=", "open")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    const [newest, other] = campaigns;
    const feature = (featured: string) => send({ order: ALL, shown: ["campaigns"], featured });
    const cards = (html: string) => [...html.matchAll(/href="\/campaigns\/([a-z0-9-]+)"/g)].length;

    expect((await feature("newest")).statusCode).toBe(303);
    let home = (await t.app.inject("/")).body;
    expect(home).toContain(newest?.title);
    expect(cards(home)).toBeGreaterThan(0);

    expect((await feature(`campaign-${other?.id}`)).statusCode).toBe(303);
    home = (await t.app.inject("/")).body;
    expect(home).toContain(other?.title);
    expect(home).not.toContain(newest?.title);
    expect(await findHomeLayout(t.deps.db)).toMatchObject({ featured: "chosen", featuredCampaignId: other?.id });
  });

  it("refuses a campaign that is not public, or a list of blocks it does not know, and changes nothing", async () => {
    const draft = await t.deps.db
      .insertInto("campaigns")
      .values({
        slug: "a-draft-for-the-home-page",
        locale: "en",
        status: "draft",
        title: "A draft",
        summary: "s",
        demand: "d",
        target_name: "t",
        body_md: "b",
        featured: 0,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      } as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    const before = await findHomeLayout(t.deps.db);
    const count = (await audits()).length;
    const res = await send({ order: ["figures", "banner"], shown: ["banner"], featured: `campaign-${draft.id}` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#field-blocks"');
    expect(res.body).toContain('href="#field-featured"');
    expect(await findHomeLayout(t.deps.db)).toEqual(before);
    expect((await audits()).length).toBe(count);
  });
});
