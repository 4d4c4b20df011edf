import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { BASE_URL } from "./support/environment.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { confirmationLink, freshEmail, SAFE_ROUTES, waitForMail } from "./support/petition.ts";

/** Presses Tab until the target has focus, checking that focus is visible at every stop. */
async function tabTo(page: Page, target: Locator, most = 200) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const visible = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return true;
      const style = getComputedStyle(el);
      return style.outlineStyle !== "none" || style.boxShadow !== "none";
    });
    expect(visible, `focus is visible at stop ${i + 1}`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`never reached ${target} with the Tab key`);
}

test("a supporter's comment waits for a moderator, who approves it with the keyboard; then it shows on the campaign page", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  // Two people, two sign-ins and four accessibility checks: more than one page's worth of time.
  test.setTimeout(60_000);
  // A supporter signs with a comment (one that tries to be a script) and agrees to show it.
  const supporter = freshEmail("commenter");
  const tag = randomBytes(4).toString("hex");
  const comment = `We welcome them here ${tag} <img src=x onerror=alert(1)>`;
  await page.goto(`/campaigns/${SAFE_ROUTES}`);
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByRole("textbox", { name: "Full name" }).fill("Nadia Rahimi");
  await form.getByRole("textbox", { name: "Email address" }).fill(supporter);
  await form.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  await form.getByRole("textbox", { name: "Why are you signing? (optional)" }).fill(comment);
  const consent = form.getByRole("checkbox", { name: /^Show my comment publicly/ });
  await expect(consent).not.toBeChecked();
  await consent.check();
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page).toHaveURL(/\/thank-you/);

  // It confirms by the emailed link; the comment is not shown until a moderator reads it.
  await page.goto(await confirmationLink(page.request, supporter));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page).toHaveURL(/confirmed=1/);
  await page.goto(`/campaigns/${SAFE_ROUTES}`);
  await expect(page.getByText(tag)).toHaveCount(0);

  // A moderator, in a browser of their own, sets up a second factor and signs in with it.
  const moderatorEmail = freshEmail("moderator");
  const setupPath = await createStaffUser(moderatorEmail, "moderator");
  const theirs = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL });
  const mod = await theirs.newPage();
  await setUpAndSignIn(mod, setupPath, moderatorEmail);

  // The queue: counts by kind, then the comment, as text, with what the public would see.
  await mod.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Moderation" }).click();
  await expect(mod.getByRole("heading", { level: 1 })).toHaveText("Moderation");
  await expect(mod.getByRole("navigation", { name: "Waiting for a decision" })).toContainText(
    /Comments on petitions \(\d+ waiting\)/,
  );
  const item = mod.getByRole("article").filter({ hasText: tag });
  await expect(item.getByRole("heading")).toHaveText("From Nadia, Norway");
  await expect(item.locator("blockquote")).toHaveText(comment);
  await expect(item.locator("img")).toHaveCount(0);
  await expect(mod.getByRole("main")).not.toContainText(supporter);
  if (javaScriptEnabled) await expectNoAxeViolations(mod);

  // Approved with the keyboard alone.
  await tabTo(mod, item.getByRole("button", { name: "Approve" }));
  await mod.keyboard.press("Enter");
  await expect(mod.getByRole("status")).toHaveText("Approved. The person who sent it will be told by email.");
  await expect(mod.getByRole("article").filter({ hasText: tag })).toHaveCount(0);
  await expect(mod.getByRole("table", { name: "Recent decisions" })).toContainText(tag);
  if (javaScriptEnabled) await expectNoAxeViolations(mod);

  // The same page in Arabic lays out right to left and passes the same checks.
  await mod.goto("/ar/admin/moderation");
  await expect(mod.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(mod.getByRole("heading", { level: 1 })).toHaveText("الإشراف");
  if (javaScriptEnabled) await expectNoAxeViolations(mod);
  await theirs.close();

  // On the campaign page, under "Why people signed": first name, country, the words as text.
  await page.goto(`/campaigns/${SAFE_ROUTES}`);
  const why = page.getByRole("region", { name: "Why people signed" });
  const shown = why.getByRole("listitem").filter({ hasText: tag });
  await expect(shown.locator("blockquote")).toHaveText(comment);
  await expect(shown.locator("blockquote")).toHaveAttribute("dir", "auto");
  await expect(shown).toContainText("Nadia, Norway");
  await expect(shown).not.toContainText("Rahimi");
  await expect(why.locator("img")).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText(supporter);
  if (javaScriptEnabled) await expectNoAxeViolations(page);

  // And the supporter hears by email.
  const mail = await waitForMail(page.request, supporter, /^Your comment on/);
  expect(mail.subject).toMatch(/is now shown$/);
});
