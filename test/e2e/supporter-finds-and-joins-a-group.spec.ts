import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectNoSidewaysScrollAtNarrowWidth, test } from "./support/fixtures.ts";
import { addTestGroup, aTestGroupForEachTest, removeGroupNamed, removeTestGroup } from "./support/groups.ts";
import { freshEmail, waitForMail } from "./support/petition.ts";

// The join form sent empty answers 400 with its error summary, as every form with errors does.
test.use({ expectedConsoleErrors: [/status of 400/] });

/** Presses Tab until the element with this id has the focus, checking each stop shows it. */
async function tabTo(page: Page, id: string, most = 150) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { id: "", visible: true };
      const style = getComputedStyle(el);
      return { id: el.id, visible: style.outlineStyle !== "none" || style.boxShadow !== "none" };
    });
    expect(focused.visible, `the focus is visible on #${focused.id}`).toBe(true);
    if (focused.id === id) return;
  }
  throw new Error(`never reached #${id} with the Tab key`);
}

/** The path and query of the first link to this path in an email. */
function linkIn(text: string, path: string): string {
  const link = new RegExp(`https?://\\S+${path.replace(/\//g, "\\/")}\\?\\S+`).exec(text)?.[0];
  expect(link, `the email carries a ${path} link`).toBeDefined();
  const url = new URL(link as string);
  return url.pathname + url.search;
}

for (const locale of ["", "/ar"]) {
  const lang = locale ? "Arabic" : "English";
  test.describe(lang, () => {
    const group = aTestGroupForEachTest(locale ? "ar" : "en");

    test(`a supporter finds a group by searching, joins it with consent, and its organiser sees them (${lang})`, async ({
      page,
      request,
      javaScriptEnabled,
    }) => {
      const checkAxe = async () => {
        if (javaScriptEnabled) await expectNoAxeViolations(page);
      };
      const email = freshEmail("group");
      const name = "Karim Nazari";

      await page.goto(`${locale}/groups`);
      await checkAxe();
      // The map is one picture with a name; the list below it says the same in words.
      await expect(page.locator("svg.world-map[role=img] > title")).toHaveCount(1);
      await tabTo(page, "group-q");
      await page.keyboard.type(group.name);
      await tabTo(page, "group-search");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/groups\?q=/);
      const found = page.locator(".group-list a");
      await expect(found).toHaveCount(1);
      await expect(found).toHaveText(group.name);
      await found.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`${locale}/groups/${group.slug}$`));
      await expect(page.locator("h1")).toHaveText(group.name);
      await expect(page.getByText(group.organiserEmail)).toHaveCount(0);
      await checkAxe();

      // Sent empty: the error summary takes the focus and nothing is stored.
      await tabTo(page, "join-submit");
      await page.keyboard.press("Enter");
      if (javaScriptEnabled) await expect(page.locator("#join .error-summary")).toBeFocused();
      else await expect(page.locator("#join .error-summary")).toBeVisible();
      await checkAxe();

      await tabTo(page, "field-name");
      await page.keyboard.type(name);
      await tabTo(page, "field-email");
      await page.keyboard.type(email);
      await tabTo(page, "field-share");
      await expect(page.locator("#field-share")).not.toBeChecked();
      await page.keyboard.press("Space");
      await expect(page.locator("#field-share")).toBeChecked();
      await tabTo(page, "join-submit");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`${locale}/groups/${group.slug}/check-email$`));
      await checkAxe();

      const confirmation = await waitForMail(request, email, new RegExp(group.name));
      await page.goto(linkIn(confirmation.text, "/groups/join/confirm"));
      await tabTo(page, "confirm-group-join");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`${locale}/groups/${group.slug}/joined$`));
      await checkAxe();

      // The organiser asks for their link on the group's page and opens their members page.
      await page.goto(`${locale}/groups/${group.slug}`);
      await tabTo(page, "organiser-email");
      await page.keyboard.type(group.organiserEmail);
      await tabTo(page, "organiser-link");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/organiser-link$/);
      await checkAxe();
      const link = await waitForMail(request, group.organiserEmail, /^Your link to the members of/);
      await page.goto(linkIn(link.text, "/groups/organiser/continue"));
      await tabTo(page, "organiser-continue");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/groups\/organiser$/);
      await expect(page.locator("#members")).toContainText(name);
      await expect(page.locator("#members")).toContainText(email);
      await checkAxe();
    });
  });
}

test("a supporter writes to a group's organiser without ever seeing their address", async ({
  page,
  request,
  javaScriptEnabled,
}) => {
  const group = await addTestGroup("contact");
  try {
    const sender = freshEmail("writer");
    await page.goto(`/groups/${group.slug}`);
    await expect(page.locator("#contact-what-is-shared")).toContainText(
      "with your name and email address, so they can reply to you",
    );
    await page.locator("#contact-submit").click();
    await expect(page.locator("#contact .error-summary")).toContainText("Write your message");
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.locator("#field-contactName").fill("Hannah Berg");
    await page.locator("#field-contactEmail").fill(sender);
    await page.locator("#field-message").fill("Can I bring my neighbour on Saturday?");
    await page.locator("#contact-submit").click();
    await expect(page.locator("#contact-sent")).toBeVisible();
    await expect(page.getByText(group.organiserEmail)).toHaveCount(0);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    const relayed = await waitForMail(request, group.organiserEmail, /^A message for Welcome circle/);
    expect(relayed.text).toContain("Can I bring my neighbour on Saturday?");
    expect(relayed.headers["Reply-To"]).toBe(sender);
  } finally {
    await removeTestGroup(group);
  }
});

test("someone asks to start a group, fixes a mistake, and it waits for a moderator", async ({
  page,
  javaScriptEnabled,
}) => {
  const name = `Tea and Norwegian in Ålesund ${Date.now()}`;
  try {
    await page.goto("/ar/groups/new");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.goto("/groups/new");
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByRole("textbox", { name: "Your name" }).fill("Ingrid Hansen");
    await page.getByRole("textbox", { name: "Email address" }).fill(freshEmail("organiser"));
    await page.getByRole("textbox", { name: "Name of the group" }).fill(name);
    await page.getByRole("textbox", { name: /What the group does/ }).fill("Practise Norwegian over tea and waffles.");
    await page.getByRole("textbox", { name: "Town" }).fill("Ålesund");
    await page.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
    await page.getByRole("radio", { name: "Show a point I choose" }).check();
    await page.getByRole("textbox", { name: "Latitude" }).fill("62.47");
    await page.getByRole("textbox", { name: "Longitude" }).fill("east");
    await page.getByRole("button", { name: "Send the request" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Enter a longitude between -180 and 180");
    await expect(page.getByRole("textbox", { name: "Name of the group" })).toHaveValue(name);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByRole("textbox", { name: "Longitude" }).fill("6.15");
    await page.getByRole("button", { name: "Send the request" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your group waits for a moderator");
    await page.goto(`/groups?q=${encodeURIComponent(name)}`);
    await expect(page.locator(".group-list")).toHaveCount(0);
  } finally {
    await removeGroupNamed(name);
  }
});

for (const path of ["/groups", "/ar/groups", "/groups/welcome-oslo", "/ar/groups/welcome-oslo", "/groups/new"]) {
  test(`${path} fits a 320px-wide screen without scrolling sideways`, async ({ page }) => {
    await page.goto(path);
    await expectNoSidewaysScrollAtNarrowWidth(page);
  });
}
