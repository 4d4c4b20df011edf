import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";

test.describe("a visitor on the home page", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/");
  });

  test("reads the movement's message", async ({ page }) => {
    await expect(page).toHaveTitle("Refugees are welcome here – iwelcome");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refugees are welcome here");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("sees the figures, each with its source", async ({ page }) => {
    const figures = page.getByRole("region", { name: "In numbers" });
    await expect(figures.getByRole("listitem")).toHaveCount(2);
    await expect(figures).toContainText("22.3 million");
    await expect(figures).toContainText("Source: UNHCR, August 2017");
    await expect(figures).toContainText("87%");
    await expect(figures).toContainText("Source: global survey of young people, 2017");
  });

  test("follows a featured campaign to its page", async ({ page }) => {
    const featured = page.getByRole("region", { name: "Act now" });
    await expect(featured.getByRole("article")).toHaveCount(2);
    await featured.getByRole("link", { name: "Open safe and legal routes to protection" }).click();
    await expect(page).toHaveURL("/campaigns/safe-and-legal-routes");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open safe and legal routes to protection");
  });

  test("answers the call to join", async ({ page }) => {
    const join = page.getByRole("region", { name: "Join the community" });
    await join.getByRole("link", { name: "Join us" }).click();
    await expect(page).toHaveURL("/join");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join the community");
  });

  test("moves around with the main navigation", async ({ page }) => {
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
    for (const [name, path, heading] of [
      ["Campaigns", "/campaigns", "Campaigns"],
      ["Take action", "/take-action", "Take action"],
      ["Join", "/join", "Join the community"],
      ["Learn", "/learn", "Learn"],
      ["Home", "/", "Refugees are welcome here"],
    ] as const) {
      await nav.getByRole("link", { name, exact: true }).click();
      await expect(page).toHaveURL(path);
      await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    }
  });

  test("skips straight to the content from the keyboard", async ({ page }) => {
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Skip to main content" });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    // The next Tab goes on from the content, not back to the header.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("main").getByRole("link").first()).toBeFocused();
  });

  test("fits a 320px-wide screen without scrolling sideways", async ({ page }) => {
    await expectNoSidewaysScrollAtNarrowWidth(page);
  });

  test("meets WCAG 2.2 AA as far as axe can tell", async ({ page, javaScriptEnabled }) => {
    skipAxeWithoutJavaScript(javaScriptEnabled);
    await expectNoAxeViolations(page);
  });
});
