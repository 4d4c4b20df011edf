import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { BASE_URL } from "./support/environment.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { freshEmail, waitForMail } from "./support/petition.ts";

async function signInAsCampaigner(page: Page) {
  const email = freshEmail("campaigner");
  await setUpAndSignIn(page, await createStaffUser(email, "campaigner"), email);
}

test("a host's event is approved, a supporter replies, and a campaigner cancels it and everyone is told", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const axe = async (p: Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(p);
  };
  const tag = randomBytes(4).toString("hex");
  const title = `Bike repair afternoon ${tag}`;

  // A host sends the event.
  await page.goto("/events/new");
  await page.getByRole("textbox", { name: "Full name" }).fill("Ola Nordmann");
  await page.getByRole("textbox", { name: "Email address" }).fill(freshEmail("host"));
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: /What happens/ }).fill("We fix bikes together and give them to newcomers.");
  await page.getByLabel("Starts (local time where it happens)").fill("2027-09-04T13:00");
  await page.getByLabel("Ends (local time where it happens)").fill("2027-09-04T16:00");
  await page.getByRole("textbox", { name: "Town" }).fill("Stavanger");
  await page.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  await page.getByRole("textbox", { name: /Exact address/ }).fill("Workshop at Kongsgata 5");
  await page.getByRole("textbox", { name: "Number of places (optional)" }).fill("8");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your event is waiting for review");

  // A campaigner approves it in the moderation queue.
  const context = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL });
  const staff = await context.newPage();
  await signInAsCampaigner(staff);
  await staff.goto("/admin/moderation?kind=event");
  const item = staff.getByRole("article").filter({ hasText: tag });
  await expect(item).toContainText("Ola Nordmann");
  await expect(staff.getByRole("main")).not.toContainText("Kongsgata");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByRole("status")).toHaveText("Approved. The person who sent it will be told by email.");

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
