import { BASE_URL } from "./support/environment.ts";
import { expect, test } from "./support/fixtures.ts";
import { AFGHANISTAN, freshEmail, signOnPage } from "./support/petition.ts";

const SHARED_URL = new RegExp(`^${BASE_URL}/campaigns/${AFGHANISTAN}\\?ref=[\\w-]{10}$`);

test.describe("a supporter sharing the petition they signed", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test.beforeEach(async ({ page }) => {
    await page.goto(`/campaigns/${AFGHANISTAN}`);
    await signOnPage(page, { name: "Layla Ahmadi", email: freshEmail("layla"), country: "Sweden" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
  });

  test("finds each way to share opening in a new window, with their referral code", async ({ page }) => {
    const share = page.getByRole("region", { name: "Share this petition" });
    const links = share.getByRole("list").getByRole("link");
    await expect(links).toHaveText(["WhatsApp", "Telegram", "Facebook", "X", "Email"].map((n) => new RegExp(`^${n}`)));
    for (const link of await links.all()) {
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", /\bnoopener\b/);
      await expect(link).toHaveAccessibleName(/\(opens in a new window\)$/);
      expect(decodeURIComponent((await link.getAttribute("href")) ?? "")).toMatch(
        new RegExp(`${BASE_URL}/campaigns/${AFGHANISTAN}\\?ref=[\\w-]{10}`),
      );
    }
    await expect(share.getByRole("textbox", { name: "Or copy the link" })).toHaveValue(SHARED_URL);
  });

  test("copies the link with one press", async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "the copy button is the script's; without it the link sits in a text field");
    const share = page.getByRole("region", { name: "Share this petition" });
    await share.getByRole("button", { name: "Copy link" }).click();
    await expect(share.getByText("Link copied")).toBeAttached();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(SHARED_URL);
    await expect(share.getByRole("textbox", { name: "Or copy the link" })).toHaveValue(copied);
  });

  test("without JavaScript, is offered the link to copy by hand and no button that does nothing", async ({
    page,
    javaScriptEnabled,
  }) => {
    test.skip(javaScriptEnabled, "for browsers without JavaScript");
    const share = page.getByRole("region", { name: "Share this petition" });
    await expect(share.getByRole("button")).toHaveCount(0);
    await expect(share.getByRole("textbox", { name: "Or copy the link" })).toHaveValue(SHARED_URL);
  });
});
