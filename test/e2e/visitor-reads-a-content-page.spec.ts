import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";

test.describe("a visitor reading one of the site's pages", () => {
  test("finds the privacy notice from the footer", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "About this site" })
      .getByRole("link", { name: "Privacy notice" })
      .click();
    await expect(page).toHaveURL("/privacy");
    await expect(page).toHaveTitle("Privacy notice – iwelcome");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
    await expect(page.getByRole("main")).toContainText("Last updated");
  });

  test("follows a link inside a page's text", async ({ page }) => {
    await page.goto("/pages/community-sponsorship");
    await page.getByRole("main").getByRole("link", { name: "Join the community", exact: true }).click();
    await expect(page).toHaveURL("/join");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join the community");
  });

  test("reads what the movement is calling for, section by section", async ({ page }) => {
    await page.goto("/calling-for");
    await expect(page).toHaveTitle("What we are calling for – iwelcome");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What we are calling for");
    const sections = page.getByRole("main").getByRole("heading", { level: 2 });
    await expect(sections).toHaveText([
      "Resettlement for those most at risk",
      "More safe and legal routes",
      "Sharing responsibility fairly",
    ]);
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(4);
  });

  for (const path of ["/calling-for", "/privacy", "/accessibility", "/contact"]) {
    test(`reads ${path} on a 320px-wide screen without scrolling sideways`, async ({ page }) => {
      await page.goto(path);
      await expectNoSidewaysScrollAtNarrowWidth(page);
    });

    test(`finds ${path} meets WCAG 2.2 AA as far as axe can tell`, async ({ page, javaScriptEnabled }) => {
      skipAxeWithoutJavaScript(javaScriptEnabled);
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }
});
