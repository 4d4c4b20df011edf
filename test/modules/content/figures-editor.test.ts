import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAsOf, parseFigureValue } from "../../../src/modules/content/figures.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, get, post, staffCookies } from "../admin/admin-helpers.ts";

const figureSection = (html: string) =>
  html.slice(html.indexOf('class="figures"'), html.indexOf("</section>", html.indexOf('class="figures"')));

describe("what a figure's fields accept", () => {
  it("takes dates as YYYY, YYYY-MM or YYYY-MM-DD, and only real ones", () => {
    for (const ok of ["2024", "2024-06", "2024-02-29"]) expect(isAsOf(ok), ok).toBe(true);
    for (const bad of ["24", "2024-13", "2023-02-29", "2024-6", "2024/06", "June 2024"])
      expect(isAsOf(bad), bad).toBe(false);
  });

  it("takes numbers with a decimal point and digits grouped by spaces, not commas or words", () => {
    expect(parseFigureValue("22 300 000")).toBe(22_300_000);
    expect(parseFigureValue("87.5")).toBe(87.5);
    for (const bad of ["1,5", "ten", "1e6", "", "."]) expect(parseFigureValue(bad), bad).toBeNull();
  });
});

describeEachDatabase("campaigners edit the 'in numbers' figures", (db) => {
  let t: TestApp;
  let campaigner: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaigner = await staffCookies(t, "campaigner");
  });
  afterAll(async () => t.app.close());

  const figures = (locale: string) =>
    t.deps.db
      .selectFrom("figures")
      .selectAll()
      .where("locale", "=", locale)
      .orderBy("position")
      .orderBy("id")
      .execute();

  it("adds a figure at the end, audited, and the home page shows it with its source at once", async () => {
    const res = await post(
      t.app,
      "/admin/figures?locale=en",
      "/admin/figures",
      {
        locale: "en",
        value: "42.5",
        style: "percent",
        label: "of towns <b>welcome</b>",
        source: "Town survey",
        sourceUrl: "https://example.org/survey",
        asOf: "2024-06",
      },
      campaigner,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/figures?done=added&locale=en");
    const rows = await figures("en");
    const added = rows.at(-1);
    expect(added).toMatchObject({
      value: 0.425,
      style: "percent",
      as_of: "2024-06",
      source_url: "https://example.org/survey",
    });
    expect(await auditOf(t, "figure.add", added?.id ?? 0)).toHaveLength(1);

    const home = figureSection((await t.app.inject("/")).body);
    expect(home).toContain("42.5%");
    expect(home).toContain("of towns &lt;b>welcome&lt;/b>");
    expect(home).toContain('href="https://example.org/survey"');
    expect(home).toContain("Source: Town survey, June 2024");
    // The editor shows the percentage as it was typed.
    expect((await get(t.app, `/admin/figures/${added?.id}`, campaigner)).body).toContain('value="42.5"');
  });

  it("changes and deletes a figure, audited with before and after", async () => {
    const last = (await figures("en")).at(-1);
    const id = last?.id ?? 0;
    const changed = await post(
      t.app,
      `/admin/figures/${id}`,
      `/admin/figures/${id}`,
      { locale: "en", value: "1500", style: "number", label: "towns", source: "Census", sourceUrl: "", asOf: "2025" },
      campaigner,
    );
    expect(changed.statusCode).toBe(303);
    const [edit] = await auditOf(t, "figure.edit", id);
    expect(JSON.parse(edit?.before ?? "{}")).toMatchObject({ value: 0.425, style: "percent" });
    expect(JSON.parse(edit?.after ?? "{}")).toMatchObject({ value: 1500, style: "number", source_url: null });
    expect(figureSection((await t.app.inject("/")).body)).toContain("Source: Census, 2025");

    const deleted = await post(t.app, `/admin/figures/${id}`, `/admin/figures/${id}/delete`, {}, campaigner);
    expect(deleted.statusCode).toBe(303);
    expect(await auditOf(t, "figure.delete", id)).toHaveLength(1);
    expect(figureSection((await t.app.inject("/")).body)).not.toContain("Census");
  });

  it("moves a figure up and down, and the home page follows the order", async () => {
    const [first, second] = await figures("en");
    const moved = await post(
      t.app,
      "/admin/figures?locale=en",
      `/admin/figures/${second?.id}/move`,
      { direction: "up" },
      campaigner,
    );
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`/admin/figures?done=moved&locale=en#figure-${second?.id}`);
    const after = await figures("en");
    expect(after.slice(0, 2).map((f) => f.id)).toEqual([second?.id, first?.id]);
    expect(await auditOf(t, "figure.move", second?.id ?? 0)).toHaveLength(1);
    const home = figureSection((await t.app.inject("/")).body);
    expect(home.indexOf(second?.label ?? "?")).toBeLessThan(home.indexOf(first?.label ?? "?"));

    // The first cannot go higher: nothing changes and nothing is recorded.
    await post(t.app, "/admin/figures?locale=en", `/admin/figures/${second?.id}/move`, { direction: "up" }, campaigner);
    expect((await figures("en")).map((f) => f.id)).toEqual(after.map((f) => f.id));
    expect(await auditOf(t, "figure.move", second?.id ?? 0)).toHaveLength(1);
  });

  it("refuses bad values with an error summary, keeps what was typed and writes nothing", async () => {
    const before = (await t.deps.db.selectFrom("figures").select("id").execute()).length;
    const res = await post(
      t.app,
      "/admin/figures",
      "/admin/figures",
      {
        locale: "en",
        value: "lots",
        style: "huge",
        label: "",
        source: "Survey",
        sourceUrl: "http://example.org/plain",
        asOf: "2024-13",
      },
      campaigner,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("<title>Error:");
    for (const field of ["value", "style", "label", "sourceUrl", "asOf"])
      expect(res.body).toContain(`href="#field-${field}"`);
    expect(res.body).toContain('value="http://example.org/plain"');
    expect(res.body).toContain('value="lots"');
    expect((await t.deps.db.selectFrom("figures").select("id").execute()).length).toBe(before);
  });

  it("keeps one list per language: a figure added in Norwegian shows on the Norwegian home page only", async () => {
    await post(
      t.app,
      "/admin/figures?locale=nb",
      "/admin/figures",
      { locale: "nb", value: "7", style: "number", label: "nye venner", source: "Oss", sourceUrl: "", asOf: "" },
      campaigner,
    );
    expect((await get(t.app, "/admin/figures?locale=nb", campaigner)).body).toContain("nye venner");
    expect(figureSection((await t.app.inject("/nb")).body)).toContain("nye venner");
    expect(figureSection((await t.app.inject("/")).body)).not.toContain("nye venner");
  });
});
