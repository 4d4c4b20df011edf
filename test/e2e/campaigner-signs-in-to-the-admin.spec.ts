import type { Locator, Page } from "@playwright/test";
import { createStaffUser, totpCode } from "./support/admin.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { freshEmail } from "./support/petition.ts";

// A wrong sign-in comes back with 401 Unauthorized, which the browser logs.
test.use({ expectedConsoleErrors: [/status of 401/] });

const PASSWORD = "welcome is a verb not a noun";
const LOGIN_FAILED = "The email, password or code is not right, or the account is locked for a while. Try again.";

/** Presses Tab until the target has focus, checking that every stop on the way shows its focus. */
async function tabTo(page: Page, target: Locator, most = 80) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { what: "body", visible: true };
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const shown = style.outlineStyle !== "none" || style.boxShadow !== "none";
      const onScreen = rect.bottom > 0 && rect.top < window.innerHeight;
      return { what: `${el.tagName} ${el.id || el.textContent?.trim()}`, visible: shown && onScreen };
    });
    expect(focused.visible, `focus is visible and on screen at stop ${i + 1} (${focused.what})`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`never reached ${target} with the Tab key`);
}

/** axe runs inside the page, so only where JavaScript is on (the markup is the same without). */
async function expectAccessible(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await expectNoAxeViolations(page);
}

test.describe("a campaigner who signs in to the admin", () => {
  let email: string;
  let setupPath: string;
  test.beforeAll(async () => {
    email = freshEmail("campaigner");
    setupPath = await createStaffUser(email, "campaigner");
  });

  test("sets up a password and second factor, then signs in and out with the keyboard alone", async ({
    page,
    javaScriptEnabled,
  }) => {
    // The link from the command: a QR code and the key to type, a password and the first code.
    await page.goto(setupPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your staff account");
    await expect(page.getByRole("img", { name: "QR code to scan with an authenticator app" })).toBeVisible();
    const key = (await page.locator('code[dir="ltr"]').textContent())?.trim() ?? "";
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, javaScriptEnabled);
    await page.getByRole("textbox", { name: "Choose a password" }).fill(PASSWORD);
    await page.getByRole("textbox", { name: "Type the password again" }).fill(PASSWORD);
    await page.getByRole("textbox", { name: "Code from your authenticator app" }).fill(totpCode(key));
    await page.getByRole("button", { name: "Save and finish" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your recovery codes");
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(10);
    await expect(page.getByRole("main").getByRole("listitem").first()).toHaveText(/^[0-9a-f]{5}-[0-9a-f]{5}$/);

    // From here on, only the keyboard.
    await tabTo(page, page.getByRole("main").getByRole("link", { name: "Sign in to the admin" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expectAccessible(page, javaScriptEnabled);

    await tabTo(page, page.locator("#field-email"));
    await page.keyboard.type(email);
    await tabTo(page, page.locator("#field-password"));
    await page.keyboard.type("not my password at all");
    await tabTo(page, page.locator("#field-code"));
    await page.keyboard.type(totpCode(key));
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText(LOGIN_FAILED);
    if (javaScriptEnabled) await expect(summary).toBeFocused();
    await expect(page.locator("#field-email")).toHaveValue(email);
    await expectAccessible(page, javaScriptEnabled);

    await tabTo(page, page.locator("#field-password"));
    await page.keyboard.type(PASSWORD);
    await tabTo(page, page.locator("#field-code"));
    await page.keyboard.type(totpCode(key));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
    await expect(page.getByRole("navigation", { name: "Admin" })).toContainText("Signed in as");
    await expectAccessible(page, javaScriptEnabled);

    await tabTo(page, page.getByRole("button", { name: "Sign out", exact: true }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin\/login$/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/login$/);
  });
});
