import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";

// The browser itself logs the missing page's 404; that one is expected here.
test.use({ expectedConsoleErrors: [/status of 404/] });

test.describe("a visitor following a link to a page that does not exist", () => {
  for (const path of ["/no-such-page", "/campaigns/no-such-campaign"]) {
    test(`is told ${path} is not found, inside the site's own layout`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page).toHaveTitle("Page not found – iwelcome");
      await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expect(page.getByRole("banner")).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByRole("contentinfo")).toBeVisible();
    });
  }

  test("finds the way back home", async ({ page }) => {
    await page.goto("/no-such-page");
    await page.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refugees are welcome here");
  });

  test("reads it on a 320px-wide screen without scrolling sideways", async ({ page }) => {
    await page.goto("/no-such-page");
    await expectNoSidewaysScrollAtNarrowWidth(page);
  });

  test("finds it meets WCAG 2.2 AA as far as axe can tell", async ({ page, javaScriptEnabled }) => {
    skipAxeWithoutJavaScript(javaScriptEnabled);
    await page.goto("/no-such-page");
    await expectNoAxeViolations(page);
  });
});
