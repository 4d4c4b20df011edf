import { randomBytes } from "node:crypto";
import { approveItem, newStaffContext } from "./support/admin.ts";
import { fillNewEvent, sendEventForReview } from "./support/events.ts";
import { axeWhereScripted, expect, test } from "./support/fixtures.ts";
import { freshEmail, waitForMail } from "./support/petition.ts";

test("a host's event is approved, a supporter replies, and a campaigner cancels it and everyone is told", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const axe = axeWhereScripted(javaScriptEnabled);
  const tag = randomBytes(4).toString("hex");
  const title = `Bike repair afternoon ${tag}`;

  // A host sends the event.
  await fillNewEvent(page, {
    title,
    description: "We fix bikes together and give them to newcomers.",
    starts: "2027-09-04T13:00",
    ends: "2027-09-04T16:00",
    town: "Stavanger",
    address: "Workshop at Kongsgata 5",
    places: "8",
  });
  await sendEventForReview(page);

  // A campaigner approves it in the moderation queue.
  const { context, staff } = await newStaffContext(browser, javaScriptEnabled, "campaigner", "campaigner");
  await staff.goto("/admin/moderation?kind=event");
  const item = staff.getByRole("article").filter({ hasText: tag });
  await expect(item).toContainText("Ola Nordmann");
  await expect(staff.getByRole("main")).not.toContainText("Kongsgata");
  await approveItem(staff, item);

  // A supporter replies and confirms.
  const supporter = freshEmail("guest");
  await page.goto("/events");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("textbox", { name: "Full name" }).fill("Farida Azimi");
  await page.getByRole("textbox", { name: "Email address" }).fill(supporter);
  await page.getByRole("button", { name: "I’m coming" }).click();
  const mail = await waitForMail(page.request, supporter, /^Confirm your place/);
  const link = new URL(mail.text.match(/https?:\/\/\S+\/events\/rsvp\/confirm\?token=[\w-]+/)?.[0] ?? "");
  await page.goto(link.pathname + link.search);
  await page.getByRole("button", { name: "Confirm my place" }).click();
  await expect(page.locator("#event-location")).toHaveText("Workshop at Kongsgata 5");

  // The campaigner sees the count and the attendee, in English and Arabic, and cancels.
  await staff.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Events" }).click();
  const row = staff.getByRole("row").filter({ hasText: tag });
  await expect(row).toContainText("1 / 8");
  await axe(staff);
  await row.getByRole("link", { name: title }).click();
  await expect(staff.getByRole("table", { name: "Attendees" })).toContainText("Farida Azimi");
  await expect(staff.getByRole("table", { name: "Attendees" })).toContainText(supporter);
  await axe(staff);
  const eventPath = new URL(staff.url()).pathname;
  await staff.goto(`/ar${eventPath}`);
  await expect(staff.locator("html")).toHaveAttribute("dir", "rtl");
  await axe(staff);
  await staff.goto(eventPath);
  await staff.getByRole("button", { name: "Cancel the event and tell attendees" }).click();
  await expect(staff.getByRole("status")).toHaveText("The event is cancelled; its attendees are being told by email.");
  await axe(staff);

  const cancelled = await waitForMail(page.request, supporter, /^Cancelled:/);
  expect(cancelled.subject).toBe(`Cancelled: “${title}”`);
  await page.reload();
  await expect(page.locator("#attendance-status")).toHaveText("This event has been cancelled. We are sorry.");
  await expect(page.getByText("Kongsgata")).toHaveCount(0);
  await context.close();
});
