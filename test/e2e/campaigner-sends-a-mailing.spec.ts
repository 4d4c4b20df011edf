// A campaigner writes a mailing to the supporters who asked for updates, checks who it will
// reach, previews it, sends a test to themselves and sends it; the supporter finds it in
// their mailbox with a one-click unsubscribe link that works.
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { joinByPost, unsubscribeLinkOf } from "./support/community.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { freshEmail, waitForMail } from "./support/petition.ts";

test("a campaigner writes, previews, tests and sends a mailing that can be unsubscribed from in one click", async ({
  page,
  request,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const supporter = freshEmail("farida");
  await joinByPost(request, { name: "Farida Azimi", email: supporter });
  const campaigner = freshEmail("campaigner");
  await setUpAndSignIn(page, await createStaffUser(campaigner, "campaigner"), campaigner);
  const subject = `Three ways to welcome ${Date.now()}`;

  await page.goto("/admin");
  await page.getByRole("navigation").getByRole("link", { name: "Mailings" }).click();
  await page.getByRole("link", { name: "New mailing" }).click();
  await page.getByRole("textbox", { name: "Subject" }).fill(subject);
  await page
    .getByRole("textbox", { name: "Message" })
    .fill("Dear friends,\n\n**Thank you** for standing with refugees.");
  await page
    .getByRole("group", { name: "Supporters whose language is" })
    .getByRole("checkbox", { name: "English" })
    .check();
  await page.getByRole("textbox", { name: "Joined on or after" }).fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Save and count recipients" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(page.getByText(/It would reach \d+ (person|people) right now\./)).toBeVisible();
  const mailingPath = new URL(page.url()).pathname;
  if (javaScriptEnabled) await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Preview as a recipient sees it" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Preview");
  await expect(page.locator("article.mailing-preview .prose strong")).toHaveText("Thank you");
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Back to the mailing" }).click();

  await page.getByRole("button", { name: "Send a test to my address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A test is on its way" })).toBeVisible();
  const testCopy = await waitForMail(request, campaigner, new RegExp(`^\\[Test\\] ${subject}$`));
  expect(testCopy.text).toContain("**Thank you** for standing with refugees.");

  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sending has started." })).toBeVisible();
  await expect(page.locator("progress")).toBeVisible();

  const mail = await waitForMail(request, supporter, new RegExp(`^${subject}$`));
  // The mailbox gives the HTML part too.
  expect((mail as typeof mail & { html: string | null }).html).toContain("<strong>Thank you</strong>");
  const link = unsubscribeLinkOf(mail);
  expect(mail.text).toContain(link);
  expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const response = await request.post(link, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("You are unsubscribed");

  await page.getByRole("link", { name: "Refresh the figures" }).click();
  await expect(page.getByText(/^\d+ sent$/)).toBeVisible();

  if (javaScriptEnabled) {
    for (const path of ["/admin/mailings", "/admin/mailings/suppressions", mailingPath, `${mailingPath}/preview`]) {
      for (const prefix of ["", "/ar"]) {
        const shown = await page.goto(`${prefix}${path}`);
        expect(shown?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("dir", prefix ? "rtl" : "ltr");
        await expectNoAxeViolations(page);
      }
    }
  }
});
