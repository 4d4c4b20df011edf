import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";

describeEachDatabase("public pages", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  describe("home page", () => {
    it("shows the movement's message from the database", async () => {
      const res = await t.app.inject("/");
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1 id="hero-heading">Refugees are welcome here</h1>');
    });

    it("shows each figure with its source and date, and leaves out a figure with no value", async () => {
      const res = await t.app.inject("/");
      expect(res.body).toContain("22.3 million");
      expect(res.body).toContain("Source: UNHCR, August 2017");
      expect(res.body).toContain("87%");
      expect(res.body).not.toContain("of refugees live in developing regions");
    });

    it("features open campaigns and asks people to join", async () => {
      const res = await t.app.inject("/");
      expect(res.body).toContain('href="/campaigns/stop-returns-to-afghanistan"');
      expect(res.body).toContain('href="/join"');
    });
  });

  it("shows a campaign's picture with its alternative text, caption and credit", async () => {
    const res = await t.app.inject("/campaigns/safe-and-legal-routes");
    expect(res.body).toMatch(/<img src="\/illustrations\/doormat.svg" alt="Illustration: a black doormat[^"]*"/);
    expect(res.body).toContain("in front of the Dutch parliament in The Hague.");
    expect(res.body).toContain("Credit: Illustration made for the iwelcome demo");
    const picture = await t.app.inject("/illustrations/doormat.svg");
    expect(picture.statusCode).toBe(200);
    expect(picture.headers["content-type"]).toContain("image/svg+xml");
  });

  it("renders a content page from Markdown", async () => {
    const res = await t.app.inject("/calling-for");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<h2>Resettlement for those most at risk</h2>");
    expect(res.body).toContain("<strong>community sponsorship</strong>");
  });

  it("answers an unknown content page with the 404 page", async () => {
    const res = await t.app.inject("/pages/no-such-page");
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("Page not found");
  });
});
