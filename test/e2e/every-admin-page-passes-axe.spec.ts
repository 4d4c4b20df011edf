// Every page of the admin, in English and in Arabic, checked with axe in Chromium. The list
// is the admin's GET routes; a page added later belongs here too.
import type { Page } from "@playwright/test";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { freshEmail } from "./support/petition.ts";

/** The first link on a page whose address matches, as a path. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link like ${pattern} on ${from}`).toBeDefined();
  return found as string;
}

test("every admin page has no axe violations in English or Arabic", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "axe runs inside the page");
  test.setTimeout(180_000);
  const email = freshEmail("admin");
  await setUpAndSignIn(page, await createStaffUser(email, "admin"), email);

  const campaign = await firstLink(page, "/admin/campaigns", /^\/admin\/campaigns\/\d+$/);
  const staffMember = await firstLink(page, "/admin/staff", /^\/admin\/staff\/\d+$/);
  const event = await firstLink(page, "/admin/events", /^\/admin\/events\/\d+$/);
  const takeActionItem = await firstLink(page, "/admin/take-action", /^\/admin\/take-action\/\d+$/);
  const learnResource = await firstLink(page, "/admin/learn", /^\/admin\/learn\/\d+$/);
  const figure = await firstLink(page, "/admin/figures", /^\/admin\/figures\/\d+$/);
  const groupEdit = await firstLink(page, "/admin/groups", /^\/admin\/groups\/\d+\/edit$/);
  const pages = [
    "/admin",
    "/admin/campaigns",
    "/admin/campaigns/new",
    campaign,
    `${campaign}/image`,
    `${campaign}/updates`,
    `${campaign}/translations/ar`,
    `${campaign}/dashboard`,
    `${campaign}/abuse`,
    `${campaign}/export`,
    `${campaign}/delivery`,
    "/admin/events",
    event,
    "/admin/groups",
    groupEdit,
    "/admin/exports",
    "/admin/mail",
    "/admin/mailings",
    "/admin/mailings/new",
    "/admin/mailings/suppressions",
    "/admin/moderation",
    "/admin/abuse",
    "/admin/signing",
    "/admin/staff",
    staffMember,
    "/admin/supporters",
    "/admin/audit",
    "/admin/api",
    "/admin/api/webhooks",
    "/admin/take-action",
    "/admin/take-action?locale=ar",
    takeActionItem,
    "/admin/learn",
    learnResource,
    "/admin/pages",
    "/admin/pages/new",
    "/admin/pages/privacy/en",
    "/admin/pages/privacy/ar",
    "/admin/figures",
    "/admin/figures?locale=ar",
    figure,
    "/admin/home-page",
  ];
  for (const path of pages) {
    for (const prefix of ["", "/ar"]) {
      const response = await page.goto(`${prefix}${path}`);
      expect(response?.status(), `${prefix}${path}`).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("dir", prefix ? "rtl" : "ltr");
      await expectNoAxeViolations(page);
    }
  }
});
