import { randomBytes } from "node:crypto";
import { signInAsNewStaff } from "./support/admin.ts";
import { withTestPetition } from "./support/campaigns.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { readCount } from "./support/petition.ts";

/** The words of this spec's own petition, counted at once and removed after the test. */
const SCHOOL = {
  slugPrefix: "blocked",
  summary: "Ask the school to welcome newcomers.",
  demand: "Welcome newcomers.",
  target_name: "The school board",
  body_md: "Every child belongs.",
};

test("a campaigner blocks an email domain, its signature is quietly held back, and she releases it", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const tag = randomBytes(3).toString("hex");
  const domain = `bots-${tag}.example`;
  await withTestPetition({ ...SCHOOL, title: `Welcome newcomers at school ${tag}` }, async (petition) => {
    const staffContext = await browser.newContext({ javaScriptEnabled });
    const staff = await staffContext.newPage();
    await signInAsNewStaff(staff, "campaigner", "campaigner");

    // A wrong range is refused with an error summary that names the field.
    await staff.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Block lists" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Block and allow lists");
    await staff.getByRole("radio", { name: "Network range" }).check();
    await staff.getByRole("textbox", { name: "Email domain or network range" }).fill("0.0.0.0/0");
    await staff.getByRole("button", { name: "Add to the list" }).click();
    const summary = staff.getByRole("alert");
    await expect(summary).toContainText("Enter an address or a range in CIDR form");
    if (javaScriptEnabled) {
      await expect(summary).toBeFocused();
      await expectNoAxeViolations(staff);
    }

    // The domain is blocked.
    await staff.getByRole("radio", { name: "Email domain" }).check();
    await staff.getByRole("radio", { name: "Block: hold its signatures back" }).check();
    await staff.getByRole("textbox", { name: "Email domain or network range" }).fill(domain);
    await staff.getByRole("textbox", { name: "Note" }).fill("Seen in a flood");
    await staff.getByRole("button", { name: "Add to the list" }).click();
    await expect(staff.getByRole("status")).toHaveText(
      "The entry was added. It applies to every new signature from now on.",
    );
    await expect(staff.getByRole("table", { name: /Blocked and allowed/ })).toContainText(domain);
    if (javaScriptEnabled) await expectNoAxeViolations(staff);

    // Someone signs from it: the usual thank-you, and the count does not move.
    const before = await readCount(page.request, petition.slug);
    await page.goto(`/campaigns/${petition.slug}`);
    const form = page.getByRole("region", { name: "Sign the petition" });
    await form.getByRole("textbox", { name: "Full name" }).fill("Sam Bot");
    await form.getByRole("textbox", { name: "Email address" }).fill(`sam@${domain}`);
    await form.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
    await form.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page).toHaveURL(/\/thank-you\?code=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
    expect(await readCount(page.request, petition.slug)).toBe(before);

    // The petition's abuse page shows it held back; releasing it counts it.
    await staff.goto(`/admin/campaigns/${petition.id}/abuse`);
    const held = staff.getByRole("table", { name: "Held signatures by reason" });
    await expect(held).toContainText("Blocked domain or network");
    if (javaScriptEnabled) await expectNoAxeViolations(staff);
    await held.getByRole("button", { name: "Release 1 signature: Blocked domain or network" }).click();
    await expect(staff.getByRole("status")).toHaveText("1 signature was released.");
    expect(await readCount(page.request, petition.slug)).toBe(before + 1);

    // The entry comes off the list again.
    await staff.goto("/admin/abuse");
    await staff.getByRole("button", { name: `Remove ${domain}` }).click();
    await expect(staff.getByRole("status")).toHaveText(
      "The entry was removed. Signatures it held back stay held until released.",
    );
    await staffContext.close();
  });
});
