import { joinByPost, signInByEmailedLink } from "./support/community.ts";
import { expect, test } from "./support/fixtures.ts";
import { freshEmail } from "./support/petition.ts";

test.describe("a supporter changing their language in preferences", () => {
  test("asks for a link, chooses Arabic, then turns emails off", async ({ page }) => {
    const email = freshEmail("samir");
    await joinByPost(page.request, { name: "Samir Haddad", email });

    await signInByEmailedLink(page, email, "preferences");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your preferences");
    await expect(page.getByRole("main")).toContainText(`Preferences of Samir Haddad: ${email}`);
    const language = page.getByRole("combobox", { name: "Language for our emails" });
    await expect(language).toHaveValue("en");
    await expect(page.getByRole("checkbox", { name: "Safe and legal routes" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Email me about campaigns and ways to help" })).toBeChecked();

    await language.selectOption({ label: "العربية" });
    await page.getByRole("button", { name: "Save my preferences" }).click();

    // The page comes back in the language just chosen; its labels are in Arabic, so the
    // fields are reached by their ids.
    await expect(page).toHaveURL(/\/ar\/preferences\?saved=1$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("تفضيلاتك");
    await expect(page.getByRole("status")).toHaveText("حُفظت تفضيلاتك.");
    await expect(page.locator("#field-language")).toHaveValue("ar");
    await expect(page.locator("#topic-safe-routes"), "the topics chosen are kept").toBeChecked();

    await page.locator("#field-emails").uncheck();
    await page.locator(".preferences form button[type=submit]").click();
    await expect(page).toHaveURL(/\/ar\/preferences\?saved=1$/);
    await expect(page.getByRole("status")).toHaveText("حُفظت تفضيلاتك.");
    await expect(page.locator("#field-emails")).not.toBeChecked();
    await expect(page.locator("#field-language")).toHaveValue("ar");

    await page.goto("/preferences");
    await expect(page.locator("#field-emails"), "the choice holds in any language").not.toBeChecked();
  });
});
