import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import ICAL from "ical.js";
import { expect, expectNoAxeViolations, expectNoSidewaysScrollAtNarrowWidth, test } from "./support/fixtures.ts";
import { freshEmail, waitForMail } from "./support/petition.ts";

// The form sent empty answers 400 with its error summary, as every form with errors does.
test.use({ expectedConsoleErrors: [/status of 400/] });

const EVENT = "welcome-dinner-oslo";
const ADDRESS = "Storgata 1, 0155 Oslo";

/** Presses Tab until the focused element matches, checking every stop shows its focus. */
async function tabUntil(page: Page, matches: (el: { id: string; text: string }) => boolean, what: string, most = 120) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { id: "", text: "", visible: true };
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const shown = style.outlineStyle !== "none" || style.boxShadow !== "none";
      const onScreen = rect.bottom > 0 && rect.top < window.innerHeight;
      return { id: el.id, text: (el.textContent ?? "").trim(), visible: shown && onScreen };
    });
    expect(focused.visible, `focus is visible and on screen at stop ${i + 1} (${focused.id || focused.text})`).toBe(
      true,
    );
    if (matches(focused)) return;
  }
  throw new Error(`never reached ${what} with the Tab key`);
}

const tabTo = (page: Page, id: string) => tabUntil(page, (el) => el.id === id, `#${id}`);

for (const locale of ["", "/ar"]) {
  const lang = locale ? "Arabic" : "English";

  test(`a keyboard user finds an event, RSVPs, confirms and gets the address and calendar file, then cancels (${lang})`, async ({
    page,
    request,
    javaScriptEnabled,
  }) => {
    const checkAxe = async () => {
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    };
    const email = freshEmail("rsvp");
    await page.goto(`${locale}/`);
    await tabUntil(page, (el) => el.text === (locale ? "الفعاليات" : "Events"), "the Events link in the menu");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${locale}/events$`));
    await checkAxe();
    await tabUntil(page, (el) => el.text === "Welcome dinner in Oslo", "the event's link");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${locale}/events/${EVENT}$`));
    await expect(page.getByText(ADDRESS)).toHaveCount(0);
    await checkAxe();

    // Sent empty: the error summary takes focus and changes nothing.
    await tabTo(page, "rsvp-submit");
    await page.keyboard.press("Enter");
    if (javaScriptEnabled) await expect(page.locator(".error-summary")).toBeFocused();
    else await expect(page.locator(".error-summary")).toBeVisible();
    await checkAxe();

    await tabTo(page, "field-name");
    await page.keyboard.type("Karim Nazari");
    await tabTo(page, "field-email");
    await page.keyboard.type(email);
    await tabTo(page, "field-reminders");
    await expect(page.locator("#field-reminders")).not.toBeChecked();
    await page.keyboard.press("Space");
    await expect(page.locator("#field-reminders")).toBeChecked();
    await tabTo(page, "rsvp-submit");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${locale}/events/${EVENT}/check-email$`));

    const mail = await waitForMail(request, email, /Welcome dinner in Oslo/);
    expect(mail.text).not.toContain(ADDRESS);
    const link = mail.text.match(/https?:\/\/\S+\/events\/rsvp\/confirm\?token=[\w-]+/)?.[0];
    expect(link, "the email carries a confirmation link").toBeDefined();
    await page.goto(new URL(link as string).pathname + new URL(link as string).search);
    await tabTo(page, "confirm-rsvp");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${locale}/events/attendance\\?a=`));
    await expect(page.locator("#event-location")).toContainText(ADDRESS);
    await checkAxe();

    await tabTo(page, "calendar-ics");
    const downloading = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    const file = await (await downloading).path();
    const ics = readFileSync(file, "utf8");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("DTSTART:20270327T170000Z\r\n");
    expect(ics).toContain("DTEND:20270327T200000Z\r\n");
    expect(ics.replace(/\r\n /g, "")).toContain("LOCATION:Welcome House\\, Storgata 1\\, 0155 Oslo");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent");
    const parsed = new ICAL.Event(vevent ?? undefined);
    expect(parsed.summary).toBe("Welcome dinner in Oslo");
    expect(parsed.startDate.toJSDate().toISOString()).toBe("2027-03-27T17:00:00.000Z");
    expect(parsed.location).toContain(ADDRESS);

    // Plans change: cancelling from the same page, still by keyboard.
    await tabTo(page, "cancel-rsvp");
    await page.keyboard.press("Enter");
    await expect(page.locator("#attendance-status")).toHaveText(
      locale
        ? "ألغيت ردّك. يمكنك الرد مجدداً من صفحة الفعالية ما دامت تقبل الردود."
        : "You cancelled your reply. You can reply again from the event’s page while it takes replies.",
    );
    await expect(page.getByText(ADDRESS)).toHaveCount(0);

    // The public page still does not show it.
    await page.goto(`${locale}/events/${EVENT}`);
    await expect(page.getByText(ADDRESS)).toHaveCount(0);
  });
}

test("a host sends an event, fixes a mistake, and it waits for a moderator", async ({ page, javaScriptEnabled }) => {
  const title = `Tea and Norwegian practice ${Date.now()}`;
  await page.goto("/ar/events/new");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  await page.goto("/events/new");
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Full name" }).fill("Ingrid Hansen");
  await page.getByRole("textbox", { name: "Email address" }).fill(freshEmail("host"));
  await page.getByRole("radio", { name: "My first name only" }).check();
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: /What happens/ }).fill("Practise Norwegian over tea and waffles.");
  // The hour skipped when summer time starts in Oslo.
  await page.getByLabel("Starts (local time where it happens)").fill("2027-03-28T02:30");
  await page.getByLabel("Ends (local time where it happens)").fill("2027-03-28T05:00");
  await page.getByRole("combobox", { name: "Time zone" }).selectOption("Europe/Oslo");
  await page.getByRole("textbox", { name: "Town" }).fill("Trondheim");
  await page.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  await page.getByRole("textbox", { name: /Exact address/ }).fill("Library, Peter Egges plass 1");
  await page.getByRole("button", { name: "Send for review" }).click();
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toContainText("Enter a start date and time that exist in the chosen time zone");
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  await page.getByLabel("Starts (local time where it happens)").fill("2027-03-28T15:00");
  await page.getByLabel("Ends (local time where it happens)").fill("2027-03-28T17:00");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your event is waiting for review");
  await page.goto("/events");
  await expect(page.getByText(title)).toHaveCount(0);
});

for (const path of ["/events", `/events/${EVENT}`, "/ar/events", `/ar/events/${EVENT}`, "/events/new"]) {
  test(`${path} fits a 320px-wide screen without scrolling sideways`, async ({ page }) => {
    await page.goto(path);
    await expectNoSidewaysScrollAtNarrowWidth(page);
  });
}
