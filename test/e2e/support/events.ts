// What the event specs share: a host filling in the form for a new event, and a staff member
// approving it in the moderation queue.
import { expect, type Page } from "@playwright/test";
import { approveItem } from "./admin.ts";
import { freshEmail } from "./petition.ts";

/** What a host types about their event; the times are wall times where it happens (2027-09-04T13:00). */
export interface NewEvent {
  title: string;
  description: string;
  starts: string;
  ends: string;
  /** The time zone, when not the one the form offers first. */
  timeZone?: string;
  town: string;
  address: string;
  places?: string;
}

/**
 * Fills in /events/new as a host (Ola Nordmann, a fresh address) for an event in Norway,
 * without sending it.
 */
export async function fillNewEvent(page: Page, event: NewEvent) {
  await page.goto("/events/new");
  await page.getByRole("textbox", { name: "Full name" }).fill("Ola Nordmann");
  await page.getByRole("textbox", { name: "Email address" }).fill(freshEmail("host"));
  await page.getByRole("textbox", { name: "Title" }).fill(event.title);
  await page.getByRole("textbox", { name: /What happens/ }).fill(event.description);
  await page.getByLabel("Starts (local time where it happens)").fill(event.starts);
  await page.getByLabel("Ends (local time where it happens)").fill(event.ends);
  if (event.timeZone) await page.getByRole("combobox", { name: "Time zone" }).selectOption(event.timeZone);
  await page.getByRole("textbox", { name: "Town" }).fill(event.town);
  await page.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  await page.getByRole("textbox", { name: /Exact address/ }).fill(event.address);
  if (event.places) await page.getByRole("textbox", { name: "Number of places (optional)" }).fill(event.places);
}

/** Sends the filled-in form for review. */
export async function sendEventForReview(page: Page) {
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your event is waiting for review");
}

/** Approves the waiting event whose item shows `tag`, from the moderation queue. */
export async function approveEvent(staff: Page, tag: string) {
  await staff.goto("/admin/moderation?kind=event");
  await approveItem(staff, staff.getByRole("article").filter({ hasText: tag }));
}
