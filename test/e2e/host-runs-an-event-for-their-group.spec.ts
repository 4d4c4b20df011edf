import { randomBytes } from "node:crypto";
import { newStaffContext } from "./support/admin.ts";
import { approveEvent, fillNewEvent, sendEventForReview } from "./support/events.ts";
import { axeWhereScripted, expect, test } from "./support/fixtures.ts";
import { aTestGroupForEachTest } from "./support/groups.ts";
import { waitForMail } from "./support/petition.ts";

const group = aTestGroupForEachTest("host");

test("a host names their group, a moderator approves the event, and the group's organiser accepts it onto the group's page", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const axe = axeWhereScripted(javaScriptEnabled);
  const tag = randomBytes(4).toString("hex");
  const title = `Tea and Norwegian ${tag}`;

  await fillNewEvent(page, {
    title,
    description: "Practice Norwegian over tea.",
    starts: "2027-09-04T13:00",
    ends: "2027-09-04T16:00",
    town: "Tromsø",
    address: "The library, second floor",
  });
  const choice = page.getByRole("combobox", { name: "This event is run by a group (optional)" });
  await expect(choice).toHaveAccessibleDescription(/asks? the group’s organiser to confirm/i);
  await choice.selectOption({ label: `${group.name} (Tromsø, Norway)` });
  await axe(page);
  await sendEventForReview(page);

  const { context, staff } = await newStaffContext(browser, javaScriptEnabled, "moderator", "moderator");
  await approveEvent(staff, tag);
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
