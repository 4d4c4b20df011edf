import type { Page } from "@playwright/test";
import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";
import { AFGHANISTAN, freshEmail, SAFE_ROUTES } from "./support/petition.ts";

const PAGES = [
  "/ar",
  "/ar/campaigns",
  `/ar/campaigns/${AFGHANISTAN}`,
  "/ar/take-action",
  "/ar/join",
  "/ar/learn",
  "/ar/privacy",
  "/ar/accessibility",
  "/ar/calling-for",
  `/fa/campaigns/${SAFE_ROUTES}`,
  "/fa",
  `/ar/embed/petitions/${SAFE_ROUTES}`,
];

/** Sends the sign form with the fields reached by their ids: the labels are in Arabic. */
async function signInArabic(page: Page, email: string) {
  await page.goto(`/ar/campaigns/${AFGHANISTAN}`);
  await page.locator("#field-name").fill("أمينة حيدري");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-country").selectOption("SY");
  await page.locator("#sign button[type=submit]").click();
}

test.describe("a reader who reads Arabic or Persian", () => {
  for (const path of PAGES) {
    test(`reads ${path} right to left, on a phone, meeting WCAG 2.2 AA`, async ({ page, javaScriptEnabled }) => {
      await page.goto(path);
      const lang = path.split("/")[1] === "fa" ? "fa" : "ar";
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectNoSidewaysScrollAtNarrowWidth(page);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    });
  }

  test.describe("with a mistake in the form", () => {
    test.use({ expectedConsoleErrors: [/status of 400/] });

    test("is told what to fix in Arabic, with the summary first", async ({ page, javaScriptEnabled }) => {
      await page.goto(`/ar/campaigns/${AFGHANISTAN}`);
      await page.locator("#sign button[type=submit]").click();
      const summary = page.locator(".error-summary");
      await expect(summary).toBeVisible();
      await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#field-name");
      expect(await page.title()).toMatch(/^خطأ/);
      if (javaScriptEnabled) {
        await expect(summary).toBeFocused();
        await expectNoAxeViolations(page);
      }
    });
  });

  test("signs in Arabic and reads the thank-you and confirm pages", async ({ page, javaScriptEnabled }) => {
    skipAxeWithoutJavaScript(javaScriptEnabled);
    const email = freshEmail("amina-ar");
    await signInArabic(page, email);
    await expect(page).toHaveURL(new RegExp(`/ar/campaigns/${AFGHANISTAN}/thank-you`));
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoAxeViolations(page);

    let link = "";
    await expect
      .poll(async () => {
        const { messages } = (await (await page.request.get("/dev/mailbox.json")).json()) as {
          messages: { to: string; text: string; html: string }[];
        };
        const mail = messages.find((m) => m.to === email);
        link = mail?.text.match(/https?:\/\/\S+\/ar\/signatures\/confirm\?token=[\w-]+/)?.[0] ?? "";
        return mail?.html.includes('dir="rtl"') && link !== "";
      })
      .toBe(true);
    await page.goto(link);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoAxeViolations(page);
  });
});

test.describe("a reader who zooms to 200%", () => {
  for (const path of ["/", `/campaigns/${AFGHANISTAN}`, "/ar", `/ar/campaigns/${AFGHANISTAN}`]) {
    test(`reads ${path} without scrolling sideways`, async ({ page }) => {
      // 200% zoom on a 1280-pixel-wide window leaves 640 CSS pixels.
      await page.setViewportSize({ width: 640, height: 720 });
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(640);
    });
  }
});
