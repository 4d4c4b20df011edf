import type { Page } from "@playwright/test";
import { joinConfirmationLink, unsubscribeLinkOf, WELCOME_SUBJECT } from "./support/community.ts";
import { expect, expectNoAxeViolations, expectNoSidewaysScrollAtNarrowWidth, test } from "./support/fixtures.ts";
import { freshEmail, waitForMail } from "./support/petition.ts";

const form = (page: Page) => page.getByRole("region", { name: "Your details" });
const summary = (page: Page) => page.getByRole("alert", { name: "There is a problem" });

async function sendEmptyForm(page: Page) {
  await page.goto("/join");
  await form(page).getByRole("combobox", { name: "Country" }).selectOption({ label: "Choose your country" });
  await form(page).getByRole("button", { name: "Join the community" }).click();
  await expect(summary(page)).toBeVisible();
}

test.describe("a supporter joining the community", () => {
  test("fills the form, confirms from the email and is welcomed", async ({ page }) => {
    const email = freshEmail("yusuf");
    await page.goto("/join");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join the community");
    await form(page).getByRole("textbox", { name: "Full name" }).fill("Yusuf Ahmadi");
    await form(page).getByRole("textbox", { name: "Email address" }).fill(email);
    await form(page).getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
    await form(page).getByRole("combobox", { name: "Language for our emails" }).selectOption("en");
    await form(page).getByRole("checkbox", { name: "Safe and legal routes" }).check();
    const updates = form(page).getByRole("checkbox", { name: /^Email me about campaigns/ });
    await expect(updates, "the consent box starts unticked").not.toBeChecked();
    await updates.check();
    await form(page).getByRole("button", { name: "Join the community" }).click();

    await expect(page).toHaveURL(/\/join\/check-email$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

    await page.goto(await joinConfirmationLink(page.request, email));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish joining");
    await page.getByRole("button", { name: "Yes, I want to join" }).click();
    await expect(page).toHaveURL(/\/join\/welcome$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to the community");
    await expect(page.getByRole("main").getByRole("link", { name: "See what you can do" })).toBeVisible();

    const welcome = await waitForMail(page.request, email, WELCOME_SUBJECT);
    const link = unsubscribeLinkOf(welcome);
    expect(welcome.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(welcome.text, "the email's footer carries the same link").toContain(link);
  });

  test("finds the welcome page fits 320px and meets WCAG 2.2 AA", async ({ page, javaScriptEnabled }) => {
    await page.goto("/join/welcome");
    await expectNoSidewaysScrollAtNarrowWidth(page);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  });

  test("finds the empty form fits 320px and meets WCAG 2.2 AA", async ({ page, javaScriptEnabled }) => {
    await page.goto("/join");
    await expectNoSidewaysScrollAtNarrowWidth(page);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  });

  test.describe("with nothing filled in", () => {
    // A form with mistakes comes back with 400 Bad Request, which the browser logs.
    test.use({ expectedConsoleErrors: [/status of 400/] });

    test("is told what to fix, with the summary first", async ({ page, javaScriptEnabled }) => {
      await sendEmptyForm(page);
      await expect(page).toHaveTitle(/^Error: Join the community/);
      await expect(summary(page).getByRole("link")).toHaveText([
        "Enter your full name",
        "Enter your email address",
        "Choose your country",
      ]);
      await expect(form(page).getByRole("textbox", { name: "Full name" })).toHaveAttribute("aria-invalid", "true");
      if (javaScriptEnabled) await expect(summary(page)).toBeFocused();
    });

    test("reads the mistakes at 320px, meeting WCAG 2.2 AA", async ({ page, javaScriptEnabled }) => {
      await sendEmptyForm(page);
      await expectNoSidewaysScrollAtNarrowWidth(page);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    });
  });
});
