import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";

const CAMPAIGN = "/campaigns/stop-returns-to-afghanistan";
const DEMO_SECOND = "Open safe and legal routes to protection";

test.describe("a visitor reading a campaign", () => {
  test("picks a campaign from the list", async ({ page }) => {
    await page.goto("/campaigns");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campaigns");
    // Other tests on the shared server may have opened campaigns of their own: the demo's two
    // are there, each a card of its own.
    const cards = page.getByRole("main").getByRole("article");
    await expect(cards.filter({ hasText: "Stop sending Afghan asylum seekers back to danger" })).toHaveCount(1);
    await expect(cards.filter({ hasText: DEMO_SECOND })).toHaveCount(1);
    await page.getByRole("link", { name: "Stop sending Afghan asylum seekers back to danger" }).click();
    await expect(page).toHaveURL(CAMPAIGN);
  });

  test("reads what it asks, of whom, and why", async ({ page }) => {
    await page.goto(CAMPAIGN);
    await expect(page).toHaveTitle("Stop sending Afghan asylum seekers back to danger – iwelcome");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Stop sending Afghan asylum seekers back to danger",
    );
    await expect(page.getByRole("main").getByText("Open", { exact: true })).toBeVisible();
    const demand = page.getByRole("region", { name: "What we ask" });
    await expect(demand).toContainText("To: The Norwegian government");
    await expect(demand.locator("blockquote")).toContainText("Stop returning Afghan asylum seekers");
    await expect(page.getByRole("region", { name: "Why it matters" })).toContainText(
      "finish school and become a doctor",
    );
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }),
    ).toHaveAttribute("aria-current", "page");
  });

  for (const path of ["/campaigns", CAMPAIGN]) {
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
