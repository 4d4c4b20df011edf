import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { BASE_URL } from "./support/environment.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { addTestGroup, removeTestGroup, type TestGroup } from "./support/groups.ts";
import { freshEmail, waitForMail } from "./support/petition.ts";

let group: TestGroup;
test.beforeEach(async () => {
  group = await addTestGroup("host");
});
test.afterEach(async () => {
  await removeTestGroup(group);
});

test("a host names their group, a moderator approves the event, and the group's organiser accepts it onto the group's page", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const axe = async (p: Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(p);
  };
  const tag = randomBytes(4).toString("hex");
  const title = `Tea and Norwegian ${tag}`;

  await page.goto("/events/new");
  await page.getByRole("textbox", { name: "Full name" }).fill("Ola Nordmann");
  await page.getByRole("textbox", { name: "Email address" }).fill(freshEmail("host"));
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: /What happens/ }).fill("Practice Norwegian over tea.");
  await page.getByLabel("Starts (local time where it happens)").fill("2027-09-04T13:00");
  await page.getByLabel("Ends (local time where it happens)").fill("2027-09-04T16:00");
  await page.getByRole("textbox", { name: "Town" }).fill("Tromsø");
  await page.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  await page.getByRole("textbox", { name: /Exact address/ }).fill("The library, second floor");
  const choice = page.getByRole("combobox", { name: "This event is run by a group (optional)" });
  await expect(choice).toHaveAccessibleDescription(/asks? the group’s organiser to confirm/i);
  await choice.selectOption({ label: `${group.name} (Tromsø, Norway)` });
  await axe(page);
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your event is waiting for review");

  const context = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL });
  const staff = await context.newPage();
  const staffEmail = freshEmail("moderator");
  await setUpAndSignIn(staff, await createStaffUser(staffEmail, "moderator"), staffEmail);
  await staff.goto("/admin/moderation?kind=event");
  await staff.getByRole("article").filter({ hasText: tag }).getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByRole("status")).toHaveText("Approved. The person who sent it will be told by email.");
  await context.close();

  // Not the group's yet: its organiser is asked first.
  await page.goto(`/groups/${group.slug}`);
  await expect(page.getByRole("main")).not.toContainText(title);
  const mail = await waitForMail(page.request, group.organiserEmail, /^An event asks to be listed under/);
  const link = new URL(mail.text.match(/https?:\/\/\S+\/groups\/organiser\/continue\?token=[\w-]+/)?.[0] ?? "");
  await page.goto(link.pathname + link.search);
  await page.locator("#organiser-continue").click();
  await expect(page.getByRole("heading", { name: "Events that name your group" })).toBeVisible();
  await axe(page);
  await page.getByRole("button", { name: `Accept “${title}”` }).click();
  await expect(page.getByRole("status")).toHaveText("The event is now listed under your group.");

  await page.goto(`/groups/${group.slug}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.goto(`/events?group=${group.slug}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  const feed = await page.request.get(`/groups/${group.slug}/events.ics`);
  expect(await feed.text()).toContain(`SUMMARY:${title}`);
});
