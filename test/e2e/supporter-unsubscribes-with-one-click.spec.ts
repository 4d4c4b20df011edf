import type { Page } from "@playwright/test";
import { joinByPost, signInByEmailedLink, unsubscribeLinkOf } from "./support/community.ts";
import { expect, test } from "./support/fixtures.ts";
import { freshEmail } from "./support/petition.ts";

/** What the supporter's own preferences page says about emails, once signed in. */
async function expectEmailsOff(page: Page, email: string) {
  await signInByEmailedLink(page, email, "preferences");
  await expect(page.getByRole("checkbox", { name: "Email me about campaigns and ways to help" })).not.toBeChecked();
}

test.describe("a supporter unsubscribing", () => {
  test("opens the link in the welcome email and presses the one button", async ({ page }) => {
    const email = freshEmail("leila");
    const link = unsubscribeLinkOf(await joinByPost(page.request, { name: "Leila Nouri", email }));

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribe");
    await expect(page.getByRole("main").getByRole("button")).toHaveText(["Unsubscribe"]);
    await page.getByRole("main").getByRole("button", { name: "Unsubscribe" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are unsubscribed");
    await expect(page.getByRole("main")).toContainText(
      "Petitions you have signed keep your signature: it still counts.",
    );
    await expectEmailsOff(page, email);
  });

  test("is unsubscribed by their mail program's one-click POST (RFC 8058)", async ({ page, request }) => {
    const email = freshEmail("omid");
    const link = unsubscribeLinkOf(await joinByPost(page.request, { name: "Omid Karimi", email }));

    // The request fixture is a context of its own: no cookie, no CSRF token, no session.
    expect((await request.storageState()).cookies).toEqual([]);
    const response = await request.post(link, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("You are unsubscribed");
    await expectEmailsOff(page, email);
  });
});
