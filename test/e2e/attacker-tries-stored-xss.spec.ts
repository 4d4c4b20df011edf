// Stored XSS: everything a member of the public can type, with hostile payloads, shown on
// every public and admin page that shows it. No script of theirs may run: no dialog opens,
// the page's own flag stays unset, the CSP reports no violation (the fixture fails on any),
// and nothing they wrote loads (an <img src=x> that got through would fail as a request).
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { BASE_URL } from "./support/environment.ts";
import { expect, test } from "./support/fixtures.ts";
import { confirmationLink, freshEmail, SAFE_ROUTES, waitForMail } from "./support/petition.ts";

/** What a script of the attacker's would set; it must stay unset on every page. */
const FLAG = "__xss";

/** Hostile text, each on its own line in the long fields; short fields get a few of them. */
const PAYLOADS = [
  `<script>window.${FLAG}=1</script>`,
  `<img src=x onerror=window.${FLAG}=1>`,
  `"><svg onload=window.${FLAG}=1>`,
  `'><iframe srcdoc="<script>parent.${FLAG}=1</script>">`,
  `[a link](javascript:window.${FLAG}=1)`,
  `![a picture](javascript:window.${FLAG}=1)`,
  `<a href="javascript:window.${FLAG}=1">click</a>`,
  "\u202Etxt.exe\u202C \u2067reversed\u2069",
  `{{constructor.constructor('window.${FLAG}=1')()}}`,
];

/** A short hostile value for a name: no spaces (so "first name" is all of it), no URL. */
const hostileName = (tag: string) => `Amal${tag}<img/src=x/onerror=window.${FLAG}=1>\u202E`;

async function expectNoScriptRan(page: Page, path: string, shows: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  for (const text of shows) await expect(page.getByText(text).first(), `${text} on ${path}`).toBeVisible();
  expect(
    await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], FLAG),
    path,
  ).toBeUndefined();
  expect(await page.locator("main script, main iframe, main svg[onload], main img[src='x']").count(), path).toBe(0);
  expect(await page.locator("main a[href^='javascript:' i]").count(), path).toBe(0);
}

test("hostile text typed by the public never runs as script on any page that shows it", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, "a script can only run, and be caught running, with JavaScript on");
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const tag = randomBytes(4).toString("hex");
  const long = `Welcome ${tag}\n${PAYLOADS.join("\n")}`;
  const name = hostileName(tag);

  // A signer: hostile name and comment, shown publicly with consent, confirmed by email.
  const signer = freshEmail("xss-signer");
  await page.goto(`/campaigns/${SAFE_ROUTES}`);
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByRole("textbox", { name: "Full name" }).fill(name);
  await form.getByRole("textbox", { name: "Email address" }).fill(signer);
  await form.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  await form.getByRole("textbox", { name: "Why are you signing? (optional)" }).fill(long.slice(0, 500));
  await form.getByRole("checkbox", { name: /^Show my comment publicly/ }).check();
  await form.getByRole("checkbox", { name: /^Show my first name/ }).check();
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page).toHaveURL(/\/thank-you/);
  await page.goto(await confirmationLink(page.request, signer));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page).toHaveURL(/confirmed=1/);

  // Someone joins the community under a hostile name.
  const joiner = freshEmail("xss-joiner");
  await page.goto("/join");
  const join = page.locator("main form");
  await join.getByRole("textbox", { name: "Full name" }).fill(name);
  await join.getByRole("textbox", { name: "Email address" }).fill(joiner);
  await join.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  await join.getByRole("button", { name: "Join the community" }).click();
  await expect(page).toHaveURL(/\/join\/check-email$/);

  // A host sends an event with hostile text in every field that takes text.
  const title = `Picnic ${tag} <script>window.${FLAG}=1</script>`;
  await page.goto("/events/new");
  await page.getByRole("textbox", { name: "Full name" }).fill(`Host${tag}<svg/onload=window.${FLAG}=1>`);
  await page.getByRole("textbox", { name: "Email address" }).fill(freshEmail("xss-host"));
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: /What happens/ }).fill(long);
  await page.getByLabel("Starts (local time where it happens)").fill("2027-10-02T12:00");
  await page.getByLabel("Ends (local time where it happens)").fill("2027-10-02T15:00");
  await page.getByRole("textbox", { name: "Town" }).fill(`Bergen<img src=x onerror=window.${FLAG}=1>`);
  await page.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  await page.getByRole("textbox", { name: /Exact address/ }).fill(`"><script>window.${FLAG}=1</script> ${tag}`);
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your event is waiting for review");

  // Someone shares a story (no photo). Its title and text refuse anything like a tag, so they
  // carry the payloads that are not tags (links, templates, reversed text); the name all of it.
  const notTags = PAYLOADS.filter((p) => !/<\s*\/?\s*[a-z!?]/i.test(p));
  const storyTitle = `Story ${tag} [x](javascript:window.${FLAG}=1) \u202Eevil`;
  await page.goto("/stories/new");
  await page.getByRole("textbox", { name: "Title" }).fill(storyTitle);
  await page.getByRole("textbox", { name: "Your story" }).fill(`Told ${tag}\n\n${notTags.join("\n\n")}`);
  await page.getByRole("textbox", { name: "Full name" }).fill(name);
  await page.getByRole("textbox", { name: "Email address" }).fill(freshEmail("xss-teller"));
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your story is waiting for review");

  // Staff read it all in the admin: the queue, then approve each.
  const email = freshEmail("xss-admin");
  const context = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL });
  const staff = await context.newPage();
  staff.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await setUpAndSignIn(staff, await createStaffUser(email, "admin"), email);
  await expectNoScriptRan(staff, "/admin/moderation?kind=comment", [`Welcome ${tag}`]);
  await staff
    .getByRole("article")
    .filter({ hasText: `Welcome ${tag}` })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(staff.getByRole("status")).toHaveText("Approved. The person who sent it will be told by email.");
  await expectNoScriptRan(staff, "/admin/moderation?kind=event", [`Picnic ${tag}`]);
  await staff
    .getByRole("article")
    .filter({ hasText: `Picnic ${tag}` })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(staff.getByRole("status")).toHaveText("Approved. The person who sent it will be told by email.");
  await expectNoScriptRan(staff, "/admin/moderation?kind=story", [`Story ${tag}`]);
  await staff
    .getByRole("article")
    .filter({ hasText: `Story ${tag}` })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(staff.getByRole("status")).toHaveText("Approved. The person who sent it will be told by email.");
  await expectNoScriptRan(staff, "/admin/moderation", []);

  // The public pages that show them.
  await expectNoScriptRan(page, `/campaigns/${SAFE_ROUTES}`, [`Welcome ${tag}`]);
  await expectNoScriptRan(page, `/campaigns/${SAFE_ROUTES}/comments`, [`Welcome ${tag}`]);
  await expectNoScriptRan(page, "/", [`Story ${tag}`]);
  await expectNoScriptRan(page, "/stories", [`Story ${tag}`]);
  await page.getByRole("link", { name: storyTitle }).click();
  await expectNoScriptRan(page, new URL(page.url()).pathname, [`Told ${tag}`]);
  await expectNoScriptRan(page, "/events", [`Picnic ${tag}`]);
  await page.getByRole("link", { name: title }).click();
  const eventPath = new URL(page.url()).pathname;
  await expectNoScriptRan(page, eventPath, [`Picnic ${tag}`, `Welcome ${tag}`]);
  await expectNoScriptRan(page, `/ar${eventPath}`, [`Picnic ${tag}`]);

  // Someone replies to the event under a hostile name, and sees the exact address.
  const guest = freshEmail("xss-guest");
  await page.goto(eventPath);
  await page.getByRole("textbox", { name: "Full name" }).fill(name);
  await page.getByRole("textbox", { name: "Email address" }).fill(guest);
  await page.getByRole("button", { name: "I’m coming" }).click();
  const mail = await waitForMail(page.request, guest, /^Confirm your place/);
  const link = new URL(mail.text.match(/https?:\/\/\S+\/events\/rsvp\/confirm\?token=[\w-]+/)?.[0] ?? "");
  await page.goto(link.pathname + link.search);
  await page.getByRole("button", { name: "Confirm my place" }).click();
  await expect(page.locator("#event-location")).toContainText(tag);
  await expectNoScriptRan(page, new URL(page.url()).pathname + new URL(page.url()).search, [tag]);

  // The admin pages that show names, addresses and event fields.
  await expectNoScriptRan(staff, "/admin/events", [`Picnic ${tag}`]);
  await staff.getByRole("link", { name: title }).click();
  await expectNoScriptRan(staff, new URL(staff.url()).pathname, [`Amal${tag}`]);
  for (const address of [signer, joiner]) {
    await staff.goto("/admin/supporters");
    await staff.getByRole("textbox", { name: "Email address of the supporter" }).fill(address);
    await staff.getByRole("button", { name: "Find" }).click();
    await expect(staff.getByText(`Amal${tag}`).first()).toBeVisible();
    expect(await staff.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], FLAG)).toBeUndefined();
  }
  await expectNoScriptRan(staff, "/admin/audit", []);

  expect(dialogs, "no dialog opened").toEqual([]);
  await context.close();
});
