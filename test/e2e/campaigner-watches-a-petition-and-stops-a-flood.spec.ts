import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { signInAsNewStaff } from "./support/admin.ts";
import { withTestPetition } from "./support/campaigns.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { csrfOf, freshEmail, readCount, signByPost } from "./support/petition.ts";

/** The words of this spec's own petition, counted at once and removed after the test. */
const PETITION = {
  slugPrefix: "petition",
  summary: "Ask the council to make newcomers welcome.",
  demand: "Make newcomers welcome.",
  target_name: "The town council",
  body_md: "Feeling at home starts with being welcomed.",
};

/** The number beside a term in the dashboard's totals. */
const total = (page: Page, term: string) =>
  page
    .locator(".watch__totals div")
    .filter({ has: page.getByText(term, { exact: true }) })
    .getByRole("definition");

test("a campaigner watches a petition fill, spots a flood from one email domain and invalidates it in one click", async ({
  page,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  // A title of its own each run, so that the admin's list names this petition once.
  const TITLE = `Open the library to newcomers ${randomBytes(3).toString("hex")}`;
  await withTestPetition({ ...PETITION, title: TITLE }, async (petition) => {
    await signInAsNewStaff(page, "campaigner", "campaigner");

    // From the admin's dashboard to the petition's own.
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${petition.id}/dashboard$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Signatures: ${TITLE}`);
    await expect(total(page, "Counted signatures")).toHaveText("0");
    await expect(page.getByRole("img", { name: "Signatures per hour, last 48 hours" })).toBeVisible();
    if (javaScriptEnabled) {
      await expect(page.getByRole("button", { name: "Stop updating by itself" })).toBeVisible();
      await expectNoAxeViolations(page);
    }

    // Signatures arrive: three people, then a burst of five from one email domain.
    for (const name of ["amal", "bashir", "chloe"]) {
      await signByPost(page.request, petition.slug, freshEmail(name));
    }
    for (let i = 0; i < 5; i++) {
      await signByPost(page.request, petition.slug, `bot${i}.${randomBytes(3).toString("hex")}@flood.example`);
    }

    // With JavaScript the dashboard fills by itself; without, the refresh link brings the figures.
    if (!javaScriptEnabled) await page.getByRole("link", { name: "Refresh the figures" }).click();
    await expect(total(page, "Counted signatures")).toHaveText("8", { timeout: 20_000 });
    await expect(page.getByRole("img", { name: "Signatures per hour, last 48 hours" })).toHaveAccessibleDescription(
      /^8 signatures received from/,
    );
    await page.getByText("Show the numbers as a table: Signatures per hour, last 48 hours").click();
    await expect(page.getByRole("table", { name: "Signatures per hour, last 48 hours" })).toBeVisible();

    // The abuse view shows the burst; one click takes it off the count, and the others stay.
    await page
      .getByRole("navigation", { name: "This petition" })
      .getByRole("link", { name: "Floods and abuse" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Floods and abuse: ${TITLE}`);
    const domains = page.getByRole("region", { name: "Busiest email domains in the last hour" });
    await expect(domains.getByRole("row", { name: /flood\.example/ })).toContainText("62.5%");
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Invalidate the last hour's 5 signatures from flood.example" }).click();
    await expect(page.getByRole("status")).toHaveText("5 signatures were invalidated and taken off the count.");
    await expect(page.getByRole("button", { name: "Restore these 5 signatures" })).toBeVisible();
    expect(await readCount(page.request, petition.slug)).toBe(3);
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    await page.getByRole("navigation", { name: "This petition" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(total(page, "Counted signatures")).toHaveText("3");
    await expect(total(page, "Invalidated")).toHaveText("5");

    // A mistake is put right as easily: the batch comes back exactly as it was.
    await page
      .getByRole("navigation", { name: "This petition" })
      .getByRole("link", { name: "Floods and abuse" })
      .click();
    await page.getByRole("button", { name: "Restore these 5 signatures" }).click();
    await expect(page.getByRole("status")).toHaveText("5 signatures were restored as they were.");
    expect(await readCount(page.request, petition.slug)).toBe(8);

    // The same pages in Arabic, right to left, pass the same checks.
    await page.goto(`/ar/admin/campaigns/${petition.id}/dashboard`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // The title is isolated from the Arabic around it (first-strong isolate marks).
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`التوقيعات: \u2068${TITLE}\u2069`);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.goto(`/ar/admin/campaigns/${petition.id}/abuse`);
    await expect(page.getByRole("heading", { level: 2, name: "الدفعات الملغاة" })).toBeVisible();
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  });
});

test("a campaigner pauses a petition, supporters are told why they cannot sign, and signing resumes", async ({
  page,
  javaScriptEnabled,
}) => {
  const TITLE = `Welcome families to our school ${randomBytes(3).toString("hex")}`;
  await withTestPetition({ ...PETITION, title: TITLE }, async (petition) => {
    await signInAsNewStaff(page, "pausing-campaigner", "campaigner");
    await page.goto(`/admin/campaigns/${petition.id}/dashboard`);
    if (javaScriptEnabled) {
      // Someone who asked for less motion gets no updates by themselves until they start them.
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.reload();
      const toggle = page.getByRole("button", { name: "Update by itself every 10 seconds" });
      await expect(toggle).toBeVisible();
      await toggle.click();
      await expect(page.getByRole("button", { name: "Stop updating by itself" })).toBeVisible();
    }

    await page.getByRole("button", { name: "Pause signing this petition" }).click();
    await expect(page.getByText("Signing this petition is paused")).toBeVisible();

    await page.goto(`/campaigns/${petition.slug}`);
    await expect(
      page.getByText("Signing is paused for a short while. Please come back later to add your name."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign the petition" })).toHaveCount(0);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.goto(`/ar/campaigns/${petition.slug}`);
    await expect(page.getByText("التوقيع متوقف مؤقتًا لفترة قصيرة.")).toBeVisible();
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    // A form sent from a page opened before the pause is refused, and says why.
    const login = await page.request.get("/admin/login");
    const refused = await page.request.post(`/campaigns/${petition.slug}/signatures`, {
      form: { _csrf: csrfOf(await login.text()), name: "Nadia Rahimi", email: freshEmail("late"), country: "NO" },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain("so nothing was recorded");
    expect(await readCount(page.request, petition.slug)).toBe(0);

    await page.goto(`/admin/campaigns/${petition.id}/dashboard`);
    await page.getByRole("button", { name: "Take signatures again" }).click();
    await expect(page.getByText("This petition is taking signatures.")).toBeVisible();
    await page.goto(`/campaigns/${petition.slug}`);
    await expect(page.getByRole("button", { name: "Sign the petition" })).toBeVisible();
  });
});

test("an admin pauses signing on every petition in an emergency, then turns it back on", async ({
  page,
  javaScriptEnabled,
}) => {
  const TITLE = `Homes for families arriving this winter ${randomBytes(3).toString("hex")}`;
  await withTestPetition({ ...PETITION, title: TITLE }, async (petition) => {
    await signInAsNewStaff(page, "admin-on-call", "admin");

    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Pause signing" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pause signing on every petition");
    await expect(page.getByRole("status")).toHaveText(/^Petitions are taking signatures/);
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Pause signing on every petition" }).click();
    await expect(page.getByRole("status")).toHaveText("Signing is paused on every petition.");
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    try {
      await page.goto(`/campaigns/${petition.slug}`);
      await expect(page.getByText("Signing is paused for a short while.", { exact: false })).toBeVisible();
      await page.goto(`/admin/campaigns/${petition.id}/dashboard`);
      await expect(page.getByText("Signing is paused on every petition (the emergency switch).")).toBeVisible();
    } finally {
      // Whatever happened above, the other tests find signing on.
      await page.goto("/admin/signing");
      await page.getByRole("button", { name: "Take signatures again on every petition" }).click();
    }
    await expect(page.getByRole("status")).toHaveText(/^Petitions are taking signatures/);
    await page.goto(`/campaigns/${petition.slug}`);
    await expect(page.getByRole("button", { name: "Sign the petition" })).toBeVisible();
  });
});
