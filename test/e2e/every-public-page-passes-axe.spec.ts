// Every page a member of the public can open, in English and in Arabic: axe in Chromium finds
// no violation, and the page fits a 320px-wide phone. Pages reached by an emailed link, and
// the states of forms, are checked in the specs of the people who use them.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectNoSidewaysScrollAtNarrowWidth, test } from "./support/fixtures.ts";
import { AFGHANISTAN } from "./support/petition.ts";

/** The first link in the page's main content whose address matches, as a path without its locale. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link like ${pattern} on ${from}`).toBeDefined();
  return found as string;
}

test("every public page has no axe violations and fits a phone, in English and Arabic", async ({
  page,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "axe runs inside the page");
  test.setTimeout(240_000);
  const event = await firstLink(page, "/events", /^\/events\/[a-z0-9-]+$/);
  const group = await firstLink(page, "/groups", /^\/groups\/[a-z0-9-]+$/);
  const story = await firstLink(page, "/stories", /^\/stories\/[a-z0-9-]+$/);
  const lesson = await firstLink(page, "/learn", /^\/learn\/[a-z0-9-]+$/);
  const pages = [
    "/",
    "/campaigns",
    `/campaigns/${AFGHANISTAN}`,
    `/embed/petitions/${AFGHANISTAN}`,
    "/take-action",
    "/join",
    "/preferences",
    "/your-data",
    "/events",
    event,
    "/events/new",
    "/groups",
    group,
    "/groups/new",
    "/stories",
    story,
    "/stories/new",
    "/learn",
    lesson,
    `${lesson}/quiz`,
    "/calling-for",
    "/privacy",
    "/accessibility",
    "/contact",
    "/pages/community-sponsorship",
  ];
  for (const path of pages) {
    for (const prefix of ["", "/ar"]) {
      const url = path === "/" && prefix ? prefix : `${prefix}${path}`;
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("dir", prefix ? "rtl" : "ltr");
      await expectNoAxeViolations(page);
      await expectNoSidewaysScrollAtNarrowWidth(page);
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  }
});
