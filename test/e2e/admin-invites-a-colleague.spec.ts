import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { BASE_URL } from "./support/environment.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { freshEmail } from "./support/petition.ts";

// The form with a mistake comes back with 400, and the moderator's try at the staff page with
// 403: the browser logs both.
test.use({ expectedConsoleErrors: [/status of 40[03]/] });

test("an admin invites a moderator, who sets up their account and sees only what moderators may", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  const adminEmail = freshEmail("admin");
  await setUpAndSignIn(page, await createStaffUser(adminEmail, "admin"), adminEmail);

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff accounts");
  await expect(page.getByRole("table", { name: "Everyone who can sign in to the admin" })).toContainText(adminEmail);
  if (javaScriptEnabled) await expectNoAxeViolations(page);

  // A mistake first: no name. The summary says so and nothing is made.
  const colleague = freshEmail("moderator");
  // Both projects share one server: a name of this run's own.
  const name = `Farida Rahimi ${colleague.split("@")[0]?.slice(-6)}`;
  await page.getByRole("textbox", { name: "Email address" }).fill(colleague);
  await page.getByRole("combobox", { name: "Role" }).selectOption({ label: "Moderator" });
  await page.getByRole("button", { name: "Make the invitation" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Enter their name");
  if (javaScriptEnabled) {
    await expect(summary).toBeFocused();
    await expectNoAxeViolations(page);
  }
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("button", { name: "Make the invitation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pass this link on");
  const link = await page.getByRole("textbox", { name: "Setup link" }).inputValue();
  expect(link).toMatch(/\/admin\/setup\?token=[\w-]{43}$/);
  if (javaScriptEnabled) await expectNoAxeViolations(page);

  // The list in Arabic lays out right to left and passes the same checks.
  await page.goto("/ar/admin/staff");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("main")).toContainText(name);
  if (javaScriptEnabled) await expectNoAxeViolations(page);

  // The colleague, in a browser of their own.
  const theirs = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL });
  const them = await theirs.newPage();
  const url = new URL(link);
  await setUpAndSignIn(them, `${url.pathname}${url.search}`, colleague);
  const bar = them.getByRole("navigation", { name: "Admin" });
  await expect(bar).toContainText(`Signed in as ${name}`);
  await expect(bar.getByRole("link", { name: "Staff" })).toHaveCount(0);
  const refused = await them.goto("/admin/staff");
  expect(refused?.status()).toBe(403);
  await theirs.close();

  // Back with the admin: the colleague is listed as an active moderator.
  await page.goto("/admin/staff");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Moderator");
  await expect(row).toContainText("Active");
});
