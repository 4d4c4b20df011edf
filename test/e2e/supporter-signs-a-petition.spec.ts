import { BASE_URL } from "./support/environment.ts";
import { expect, test } from "./support/fixtures.ts";
import {
  AFGHANISTAN,
  confirmationLink,
  countLabel,
  freshEmail,
  readCount,
  shownCount,
  signOnPage,
} from "./support/petition.ts";

test.describe("a supporter signing a petition", () => {
  test("signs, confirms from the email, and sees the count rise by one", async ({ page }) => {
    const email = freshEmail("amina");
    const before = await readCount(page.request, AFGHANISTAN);

    await page.goto(`/campaigns/${AFGHANISTAN}`);
    await expect(shownCount(page)).toHaveText(countLabel(before));
    await signOnPage(page, { name: "Amina Haidari", email, country: "Norway", updates: true });

    await expect(page).toHaveURL(new RegExp(`/campaigns/${AFGHANISTAN}/thank-you\\?code=[\\w-]{10}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
    await expect(page.getByRole("main")).toContainText("One more step: we have sent you an email.");
    const whatsApp = page.getByRole("link", { name: /^WhatsApp/ });
    const href = (await whatsApp.getAttribute("href")) ?? "";
    expect(href.startsWith("https://wa.me/")).toBe(true);
    expect(decodeURIComponent(href)).toMatch(new RegExp(`${BASE_URL}/campaigns/${AFGHANISTAN}\\?ref=[\\w-]{10}`));

    await page.goto(await confirmationLink(page.request, email));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your signature");
    expect(await readCount(page.request, AFGHANISTAN), "opening the link counts nothing").toBe(before);

    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your signature counts");
    await expect(page).toHaveURL(/confirmed=1/);

    await page.goto(`/campaigns/${AFGHANISTAN}`);
    await expect(shownCount(page)).toHaveText(countLabel(before + 1));
    expect(await readCount(page.request, AFGHANISTAN)).toBe(before + 1);
  });
});
