import { expect, expectPageScriptRuns, test } from "./support/fixtures.ts";

const PAGES = ["/", "/campaigns", "/campaigns/safe-and-legal-routes", "/calling-for", "/privacy", "/dev/mailbox"];

test.describe("a visitor whose browser runs JavaScript", () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "needs JavaScript");

  // The fixture fails the test on any console error, script error or CSP violation.
  for (const path of PAGES) {
    test(`gets ${path} with its script running and nothing blocked`, async ({ page }) => {
      await expectPageScriptRuns(page, path);
    });
  }
});

test.describe("a visitor whose browser runs no JavaScript", () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, "for browsers without JavaScript");

  test("still reads the site and moves around it by its links", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refugees are welcome here");
    await page.getByRole("link", { name: "See the campaigns" }).click();
    await expect(page).toHaveURL("/campaigns");
    await page.getByRole("link", { name: "Stop sending Afghan asylum seekers back to danger" }).click();
    await expect(page.getByRole("region", { name: "What we ask" })).toBeVisible();
    await page.getByRole("link", { name: "Accessibility statement" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
    await page.getByRole("link", { name: "iwelcome", exact: true }).click();
    await expect(page).toHaveURL("/");
  });
});
