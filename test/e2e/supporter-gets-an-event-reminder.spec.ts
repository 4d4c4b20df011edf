import { randomBytes } from "node:crypto";
import { newStaffContext } from "./support/admin.ts";
import { approveEvent, fillNewEvent, sendEventForReview } from "./support/events.ts";
import { axeWhereScripted, expect, test } from "./support/fixtures.ts";
import { freshEmail, mailsTo, waitForMail } from "./support/petition.ts";

const ZONE = "Europe/Oslo";
const ADDRESS = "Community hall, Thorvald Meyers gate 2";
const HOUR = 3600e3;

/** The wall-clock time a datetime-local field takes, in Oslo: "2026-11-25T19:35". */
const osloWallTime = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(at)
    .replace(" ", "T");

/** When the event is, as an English email says it, spaces made plain. */
const whenInEnglish = (start: Date, end: Date) =>
  plain(
    new Intl.DateTimeFormat("en", {
      timeZone: ZONE,
      weekday: "long",
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    }).formatRange(start, end),
  );

const plain = (text: string) => text.replace(/\s+/gu, " ");

test("a supporter RSVPs with reminders, the event moves to tomorrow, and the reminder arrives at once", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const axe = axeWhereScripted(javaScriptEnabled);
  const tag = randomBytes(4).toString("hex");
  const title = `Winter coat swap ${tag}`;
  // First a few days away, well outside the reminder's day.
  const firstStart = new Date(Date.now() + 5 * 24 * HOUR);

  // A host sends the event and a moderator approves it.
  await fillNewEvent(page, {
    title,
    description: "Bring a coat you no longer wear, take one you need.",
    starts: osloWallTime(firstStart),
    ends: osloWallTime(new Date(firstStart.getTime() + 2 * HOUR)),
    timeZone: ZONE,
    town: "Oslo",
    address: ADDRESS,
  });
  await sendEventForReview(page);

  const { context, staff } = await newStaffContext(browser, javaScriptEnabled, "campaigner", "campaigner");
  await approveEvent(staff, tag);

  // The supporter finds it, replies with reminders ticked and confirms from the email.
  const supporter = freshEmail("reminded");
  await page.goto("/events");
  await axe(page);
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("textbox", { name: "Full name" }).fill("Farida Azimi");
  await page.getByRole("textbox", { name: "Email address" }).fill(supporter);
  const reminders = page.getByRole("checkbox", { name: /Email me a reminder the day before/ });
  await expect(reminders).not.toBeChecked();
  await reminders.check();
  await axe(page);
  await page.getByRole("button", { name: "I’m coming" }).click();
  const confirm = await waitForMail(page.request, supporter, /^Confirm your place/);
  const link = new URL(confirm.text.match(/https?:\/\/\S+\/events\/rsvp\/confirm\?token=[\w-]+/)?.[0] ?? "");
  await page.goto(link.pathname + link.search);
  await page.getByRole("button", { name: "Confirm my place" }).click();
  await expect(page.locator("#event-location")).toHaveText(ADDRESS);
  await axe(page);
  await waitForMail(page.request, supporter, /^You have a place/);
  expect(await mailsTo(page.request, supporter, /^Coming up:/), "no reminder for an event days away").toHaveLength(0);

  // A campaigner moves it to start within the next day.
  const start = new Date(Date.now() + 23 * HOUR + 50 * 60e3);
  const end = new Date(start.getTime() + 2 * HOUR);
  await staff.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Events" }).click();
  await staff.getByRole("row").filter({ hasText: tag }).getByRole("link", { name: title }).click();
  await staff.getByLabel("Starts (local time where it happens)").fill(osloWallTime(start));
  await staff.getByLabel("Ends (local time where it happens)").fill(osloWallTime(end));
  await staff.getByRole("button", { name: "Save and tell attendees" }).click();
  await expect(staff.getByRole("status")).toHaveText("The event is changed; its attendees are being told by email.");
  await axe(staff);

  // The reminder comes now, not at the next run of the 15-minute job, with the place and time.
  const reminder = await waitForMail(page.request, supporter, /^Coming up:/);
  expect(reminder.subject).toBe(`Coming up: “${title}”`);
  expect(reminder.text).toContain(ADDRESS);
  expect(plain(reminder.text)).toContain(whenInEnglish(start, end));
  const changed = await waitForMail(page.request, supporter, /^Changed:/);
  expect(plain(changed.text)).toContain(whenInEnglish(start, end));
  expect(await mailsTo(page.request, supporter, /^Coming up:/), "one reminder, not two").toHaveLength(1);

  // The event is cancelled again, so that the list stays as other people's specs expect it.
  await staff.getByRole("button", { name: "Cancel the event and tell attendees" }).click();
  await expect(staff.getByRole("status")).toHaveText("The event is cancelled; its attendees are being told by email.");
  await context.close();
});
