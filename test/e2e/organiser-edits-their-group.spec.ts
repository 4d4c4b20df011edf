import { approveItem, newStaffContext } from "./support/admin.ts";
import { axeWhereScripted, expect, test } from "./support/fixtures.ts";
import { aTestGroupForEachTest } from "./support/groups.ts";
import { waitForMail } from "./support/petition.ts";

// The edit form sent with an empty name answers 400 with its error summary.
test.use({ expectedConsoleErrors: [/status of 400/] });

/** The path and query of the first link to this path in an email. */
function linkIn(text: string, path: string): string {
  const link = new RegExp(`https?://\\S+${path.replace(/\//g, "\\/")}\\?\\S+`).exec(text)?.[0];
  expect(link, `the email carries a ${path} link`).toBeDefined();
  const url = new URL(link as string);
  return url.pathname + url.search;
}

const group = aTestGroupForEachTest("edit");

test("an organiser follows their emailed link, changes the group's words, and the public sees them once a moderator approves", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const axe = axeWhereScripted(javaScriptEnabled);
  const newName = `${group.name} and friends`;

  // The organiser asks for their link on the group's page and follows it from the mailbox.
  await page.goto(`/groups/${group.slug}`);
  await page.locator("#organiser-email").fill(group.organiserEmail);
  await page.locator("#organiser-link").click();
  // The page that answers first, so that leaving it does not cut its request short.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const mail = await waitForMail(page.request, group.organiserEmail, /^Your link to the members of/);
  await page.goto(linkIn(mail.text, "/groups/organiser/continue"));
  await page.locator("#organiser-continue").click();
  await expect(page).toHaveURL(/\/groups\/organiser$/);

  // They open the edit form, make a mistake, and are told what to fix.
  await page.getByRole("link", { name: "Change your group’s name, description or place" }).click();
  await axe(page);
  const name = page.getByRole("textbox", { name: "Name of the group" });
  await expect(name).toHaveValue(group.name);
  await name.fill("");
  await page.getByRole("button", { name: "Send my changes" }).click();
  await expect(page).toHaveTitle(/^Error:/);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  if (javaScriptEnabled) await expect(summary).toBeFocused();
  await axe(page);

  // They send the change: it waits, and the public page keeps the old words.
  await page.getByRole("textbox", { name: "Name of the group" }).fill(newName);
  await page.getByRole("textbox", { name: /What the group does/ }).fill("Now also **Sunday walks** by the sea.");
  await page.getByRole("button", { name: "Send my changes" }).click();
  await expect(page.getByRole("status")).toContainText("A moderator will read your changes");
  await axe(page);
  await page.goto(`/groups/${group.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(group.name);

  // A moderator approves it.
  const { context, staff } = await newStaffContext(browser, javaScriptEnabled, "moderator", "moderator");
  await staff.goto("/admin/moderation?kind=group-edit");
  const item = staff.getByRole("article").filter({ hasText: newName });
  await expect(item).toContainText("Sunday walks");
  await axe(staff);
  await approveItem(staff, item);
  await context.close();

  // The public page shows the change, and the organiser is told.
  await page.goto(`/groups/${group.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newName);
  await expect(page.getByRole("main").locator("strong", { hasText: "Sunday walks" })).toBeVisible();
  await waitForMail(page.request, group.organiserEmail, /^Your changes are on the site/);
});
