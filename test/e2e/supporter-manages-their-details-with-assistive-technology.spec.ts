import type { Page } from "@playwright/test";
import { joinByPost, signInByEmailedLink, unsubscribeLinkOf } from "./support/community.ts";
import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";
import { freshEmail } from "./support/petition.ts";

/** A supporter who joined, signed in on this page's cookies to the given page. */
async function joinAndSignIn(page: Page, target: "preferences" | "your-data") {
  const email = freshEmail("farah");
  await joinByPost(page.request, { name: "Farah Saleh", email });
  await signInByEmailedLink(page, email, target);
}

async function expectUsable(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScrollAtNarrowWidth(page);
}

test.describe("a supporter managing their details with assistive technology", () => {
  test.beforeEach(({ javaScriptEnabled }) => skipAxeWithoutJavaScript(javaScriptEnabled));

  test("finds the page asking for a preferences link meets WCAG 2.2 AA", async ({ page }) => {
    await page.goto("/preferences");
    await expectUsable(page);
    await page.goto("/preferences?sent=1");
    await expect(page.getByRole("status")).toBeVisible();
    await expectUsable(page);
  });

  test("finds their preferences meet WCAG 2.2 AA, saved or not", async ({ page }) => {
    await joinAndSignIn(page, "preferences");
    await expectUsable(page);
    await page.getByRole("button", { name: "Save my preferences" }).click();
    await expect(page.getByRole("status")).toHaveText("Your preferences are saved.");
    await expectUsable(page);
  });

  test("finds their data page meets WCAG 2.2 AA, with the erase question too", async ({ page }) => {
    await joinAndSignIn(page, "your-data");
    await expectUsable(page);
    await page.getByRole("link", { name: "Erase my data" }).click();
    await expect(page.getByRole("alert")).toBeFocused();
    await expectUsable(page);
  });

  test("finds the unsubscribe page and its answer meet WCAG 2.2 AA", async ({ page }) => {
    const email = freshEmail("karim");
    await page.goto(unsubscribeLinkOf(await joinByPost(page.request, { name: "Karim Mansour", email })));
    await expectUsable(page);
    await page.getByRole("main").getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are unsubscribed");
    await expectUsable(page);
  });
});
