import { expect, test } from "./support/fixtures.ts";
import {
  AFGHANISTAN,
  CONFIRM_SUBJECT,
  confirmationLink,
  freshEmail,
  mailsTo,
  readCount,
  signOnPage,
  waitForMail,
} from "./support/petition.ts";

const ALREADY_SIGNED = /^You have already signed/;

test.describe("a supporter who signs the same petition twice", () => {
  test("is thanked the same way, hears by email, and counts once", async ({ page }) => {
    const email = freshEmail("amina");
    const shouted = email.toUpperCase();
    const before = await readCount(page.request, AFGHANISTAN);

    await page.goto(`/campaigns/${AFGHANISTAN}`);
    await signOnPage(page, { name: "Amina Haidari", email, country: "Norway" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
    const firstThanks = { url: page.url(), text: await page.getByRole("main").textContent() };
    const link = await confirmationLink(page.request, email);

    await page.goto(`/campaigns/${AFGHANISTAN}`);
    await signOnPage(page, { name: "Amina Haidari", email: `  ${shouted} `, country: "Norway" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
    const secondThanks = { url: page.url(), text: await page.getByRole("main").textContent() };
    expect(secondThanks, "nothing tells a stranger the address had signed").toEqual(firstThanks);

    // The owner of the address hears, at the address they signed with; no second signature waits.
    await waitForMail(page.request, email, ALREADY_SIGNED);
    expect(await mailsTo(page.request, shouted, /./)).toEqual([]);
    expect(await mailsTo(page.request, email, CONFIRM_SUBJECT)).toHaveLength(1);

    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your signature counts");
    expect(await readCount(page.request, AFGHANISTAN)).toBe(before + 1);
  });
});
