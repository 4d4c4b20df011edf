import type { Page } from "@playwright/test";
import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";
import { AFGHANISTAN } from "./support/petition.ts";

// A form with mistakes comes back with 400 Bad Request, which the browser logs.
test.use({ expectedConsoleErrors: [/status of 400/] });

const TITLE = "Stop sending Afghan asylum seekers back to danger – iwelcome";

test.describe("a supporter who makes a mistake in the sign form", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`/campaigns/${AFGHANISTAN}`);
  });

  const form = (page: Page) => page.getByRole("region", { name: "Sign the petition" });
  const summary = (page: Page) => page.getByRole("alert", { name: "There is a problem" });

  async function sendWithMistakes(page: Page) {
    await form(page).getByRole("textbox", { name: "Full name" }).fill("Amina Haidari");
    await form(page).getByRole("textbox", { name: "Email address" }).fill("amina@example");
    await form(page).getByRole("combobox", { name: "Country" }).selectOption({ label: "Choose your country" });
    await form(page)
      .getByRole("textbox", { name: /^Why are you signing/ })
      .fill("Nobody should be sent to a war.");
    await form(page)
      .getByRole("checkbox", { name: /^Keep me updated/ })
      .check();
    await form(page).getByRole("button", { name: "Sign the petition" }).click();
    await expect(summary(page)).toBeVisible();
  }

  test("is told what to fix, and keeps what they typed", async ({ page }) => {
    await sendWithMistakes(page);
    await expect(page).toHaveTitle(`Error: ${TITLE}`);
    const links = summary(page).getByRole("link");
    await expect(links).toHaveText([
      "Enter an email address in the correct format, like name@example.com",
      "Choose your country",
    ]);
    await expect(links.nth(0)).toHaveAttribute("href", "#field-email");
    await expect(links.nth(1)).toHaveAttribute("href", "#field-country");

    const email = form(page).getByRole("textbox", { name: "Email address" });
    await expect(email).toHaveValue("amina@example");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/Error: Enter an email address in the correct format/);
    await expect(form(page).getByRole("textbox", { name: "Full name" })).toHaveValue("Amina Haidari");
    await expect(form(page).getByRole("textbox", { name: /^Why are you signing/ })).toHaveValue(
      "Nobody should be sent to a war.",
    );
    await expect(form(page).getByRole("checkbox", { name: /^Keep me updated/ })).toBeChecked();
  });

  test("sends an empty form and is asked for each field in turn", async ({ page }) => {
    await form(page).getByRole("combobox", { name: "Country" }).selectOption({ label: "Choose your country" });
    await form(page).getByRole("button", { name: "Sign the petition" }).click();
    await expect(summary(page).getByRole("link")).toHaveText([
      "Enter your full name",
      "Enter your email address",
      "Choose your country",
    ]);
    await expect(page).toHaveTitle(`Error: ${TITLE}`);
  });

  test("lands on the list of mistakes and follows it to the field", async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "the script moves focus; without it the page loads at the top");
    await sendWithMistakes(page);
    await expect(summary(page)).toBeFocused();
    await summary(page).getByRole("link", { name: "Choose your country" }).click();
    await expect(form(page).getByRole("combobox", { name: "Country" })).toBeFocused();
    await summary(page)
      .getByRole("link", { name: /^Enter an email address/ })
      .click();
    await expect(form(page).getByRole("textbox", { name: "Email address" })).toBeFocused();
  });

  test("reads the mistakes on a 320px-wide screen without scrolling sideways", async ({ page }) => {
    await sendWithMistakes(page);
    await expectNoSidewaysScrollAtNarrowWidth(page);
  });

  test("finds the page with mistakes meets WCAG 2.2 AA as far as axe can tell", async ({ page, javaScriptEnabled }) => {
    skipAxeWithoutJavaScript(javaScriptEnabled);
    await sendWithMistakes(page);
    await expectNoAxeViolations(page);
  });
});
