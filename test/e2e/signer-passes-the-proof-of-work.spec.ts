// A campaigner switches the proof-of-work challenge on for a petition; a supporter signs in
// Chromium, their browser works the challenge out in the background, and the signature counts.
// Without JavaScript the signature is held back quietly, and the campaigner releases it.
import { randomBytes } from "node:crypto";
import { signInAsNewStaff } from "./support/admin.ts";
import { withTestPetition } from "./support/campaigns.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { freshEmail, readCount } from "./support/petition.ts";

/** The words of this spec's own petition, counted at once and removed after the test. */
const SPORTS_HALL = {
  slugPrefix: "pow",
  summary: "Ask the town to open its sports hall to newcomers.",
  demand: "Open the sports hall.",
  target_name: "The town council",
  body_md: "Sport brings people together.",
};

test("a supporter signs while the proof-of-work challenge is on, and the signature counts", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const tag = randomBytes(3).toString("hex");
  await withTestPetition({ ...SPORTS_HALL, title: `Open the sports hall ${tag}` }, async (petition) => {
    const staffContext = await browser.newContext({ javaScriptEnabled });
    const staff = await staffContext.newPage();
    await signInAsNewStaff(staff, "campaigner", "campaigner");

    // The campaigner switches the challenge on from the petition's abuse page.
    await staff.goto(`/admin/campaigns/${petition.id}/abuse`);
    const section = staff.getByRole("region", { name: "Proof-of-work challenge" });
    await expect(section).toContainText("The challenge is off.");
    await section.getByRole("button", { name: "Switch the challenge on" }).click();
    await expect(section).toContainText("switched on by a campaigner");
    if (javaScriptEnabled) await expectNoAxeViolations(staff);

    const before = await readCount(page.request, petition.slug);
    await page.goto(`/campaigns/${petition.slug}`);
    const form = page.getByRole("region", { name: "Sign the petition" });
    if (javaScriptEnabled) {
      // Worked out in the background, announced politely; the form passes axe meanwhile.
      await expect(page.locator("[data-pow-status]")).toHaveText("Ready", { timeout: 20_000 });
      await expect(page.locator("input[name=_pow]")).not.toHaveValue("");
      await expectNoAxeViolations(page);
    }
    await form.getByRole("textbox", { name: "Full name" }).fill("Nadia Karimi");
    await form.getByRole("textbox", { name: "Email address" }).fill(freshEmail("nadia"));
    await form.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
    await form.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page).toHaveURL(/\/thank-you\?code=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");

    if (javaScriptEnabled) {
      expect(await readCount(page.request, petition.slug)).toBe(before + 1);
    } else {
      // Without JavaScript: the same thank-you, held back quietly until staff release it.
      expect(await readCount(page.request, petition.slug)).toBe(before);
      await staff.goto(`/admin/campaigns/${petition.id}/abuse`);
      const held = staff.getByRole("table", { name: "Held signatures by reason" });
      await held.getByRole("button", { name: "Release 1 signature: No proof of work (or no JavaScript)" }).click();
      await expect(staff.getByRole("status").first()).toHaveText("1 signature was released.");
      expect(await readCount(page.request, petition.slug)).toBe(before + 1);
    }

    // Switched off again, the form carries no challenge.
    await staff.goto(`/admin/campaigns/${petition.id}/abuse`);
    await staff.getByRole("button", { name: "Switch the challenge off" }).click();
    await expect(staff.getByRole("region", { name: "Proof-of-work challenge" })).toContainText(
      "a burst cannot switch it on again before",
    );
    await page.goto(`/campaigns/${petition.slug}`);
    await expect(page.locator("input[name=_pow]")).toHaveCount(0);
    await staffContext.close();
  });
});
