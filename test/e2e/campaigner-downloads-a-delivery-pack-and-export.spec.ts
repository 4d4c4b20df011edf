import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import { csvObjects, parseCsv } from "../modules/exports/csv-reader.ts";
import { readPdf } from "../modules/exports/read-pdf.ts";
import { signInAsNewStaff } from "./support/admin.ts";
import { addTestPetition } from "./support/campaigns.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { csrfOf, freshEmail } from "./support/petition.ts";

// Filters that make no sense come back with 400 Bad Request, which the browser logs.
test.use({ expectedConsoleErrors: [/status of 400/] });

/** The words of this spec's own petition, counted at once ("instant"), so its signers are known. */
const STUDENTS = {
  slugPrefix: "welcome-students",
  summary: "Let students facing return finish school.",
  demand: "Let students finish school before any decision on their return.",
  target_name: "The Minister of Justice",
  body_md: "Thousands of students stood by a classmate.\n\nShe hopes to become a doctor.",
};

/** Signs through the campaign page's own form post. */
async function signAs(request: APIRequestContext, slug: string, name: string, country: string, comment = "") {
  const page = await request.get(`/campaigns/${slug}`);
  const signed = await request.post(`/campaigns/${slug}/signatures`, {
    form: { _csrf: csrfOf(await page.text()), name, email: freshEmail("signer"), country, comment },
    maxRedirects: 0,
  });
  expect(signed.status()).toBe(303);
}

/**
 * Presses a form's button and takes the file it gives: its name and bytes. The form's post
 * starts as a navigation that Chromium aborts once it sees an attachment; that one abort,
 * of this file's own address, is how a download looks, not a failure, so it is not kept
 * among the browser's problems.
 */
async function downloadBy(page: Page, problems: string[], button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const bytes = await readFile(await file.path());
  const aborted = problems.indexOf(`request failed: ${file.url()} net::ERR_ABORTED`);
  if (aborted >= 0) problems.splice(aborted, 1);
  return { name: file.suggestedFilename(), bytes };
}

test("a campaigner downloads a petition's signatures and its delivery pack, in English and in Arabic", async ({
  page,
  javaScriptEnabled,
  browserProblems,
}) => {
  test.setTimeout(90_000);
  const TITLE = `Let students finish school ${randomBytes(3).toString("hex")}`;
  const petition = await addTestPetition({ ...STUDENTS, title: TITLE });
  await signAs(page.request, petition.slug, "أمينة حسن", "SY", "مرحبا بكم");
  await signAs(page.request, petition.slug, 'Ingrid "Inga" Berg', "NO", "Welcome, neighbour");
  await signAs(page.request, petition.slug, "Kari Nordmann", "NO");
  await signInAsNewStaff(page, "campaigner", "campaigner");

  // From the petition's row on the dashboard to its signatures as CSV, then one country's.
  await page.getByRole("row").filter({ hasText: TITLE }).getByRole("link", { name: "Export signatures" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${petition.id}/export$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Export signatures: \u2068${TITLE}\u2069`);
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  await page.getByRole("combobox", { name: "Which signatures" }).selectOption({ label: "Confirmed (counted)" });
  const csv = await downloadBy(page, browserProblems, "Download the signatures (CSV)");
  expect(csv.name).toMatch(new RegExp(`^signatures-${petition.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const rows = csvObjects(csv.bytes.toString("utf8"));
  expect(rows.map((r) => r.Name).sort()).toEqual(['Ingrid "Inga" Berg', "Kari Nordmann", "أمينة حسن"]);
  expect(rows.find((r) => r.Name === "أمينة حسن")).toMatchObject({ "Country (code)": "SY", Comment: "مرحبا بكم" });
  await page.getByRole("combobox", { name: "Country" }).selectOption({ label: "Norway" });
  const norway = csvObjects(
    (await downloadBy(page, browserProblems, "Download the signatures (CSV)")).bytes.toString("utf8"),
  );
  expect(norway.map((r) => r.Name).sort()).toEqual(['Ingrid "Inga" Berg', "Kari Nordmann"]);

  // A mistake in the filters: the form says what is wrong.
  if (javaScriptEnabled) {
    await page.getByRole("textbox", { name: "Signed on or after" }).fill("2026-05-10");
    await page.getByRole("textbox", { name: "Signed on or before" }).fill("2026-05-01");
    await page.getByRole("button", { name: "Download the signatures (CSV)" }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("The last day cannot come before the first day");
    await expect(summary).toBeFocused();
    await expectNoAxeViolations(page);
  }

  // The delivery pack, with the signers' comments.
  await page.getByRole("navigation", { name: "This campaign" }).getByRole("link", { name: "Delivery pack" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Delivery pack: \u2068${TITLE}\u2069`);
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  await page.getByRole("checkbox", { name: "Include the signers' comments" }).check();
  const pack = await downloadBy(page, browserProblems, "Download the delivery pack (PDF)");
  expect(pack.name).toMatch(new RegExp(`^delivery-${petition.slug}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const pdf = await readPdf(pack.bytes);
  expect(pdf.all).toContain(TITLE);
  expect(pdf.all).toContain("To: The Minister of Justice");
  expect(pdf.all).toContain("3 people signed this petition.");
  expect(pdf.all).toContain("Norway 2");
  expect(pdf.all).toContain("أمينة حسن Syria");
  expect(pdf.all).toContain("Welcome, neighbour");

  // The same in Arabic: the form, the headings of the file, and a pack laid out right to left.
  await page.goto(`/ar/admin/campaigns/${petition.id}/export`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  const arabicCsv = await downloadBy(page, browserProblems, "تنزيل التوقيعات (CSV)");
  const [headings] = parseCsv(arabicCsv.bytes.toString("utf8").slice(1));
  expect(headings?.slice(0, 2)).toEqual(["المعرّف", "الحالة"]);
  await page.goto(`/ar/admin/campaigns/${petition.id}/delivery`);
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  const arabicPack = await readPdf((await downloadBy(page, browserProblems, "تنزيل ملف التسليم (PDF)")).bytes, "rtl");
  expect(arabicPack.all).toContain("وقّع 3 أشخاص هذه العريضة.");
  expect(arabicPack.all).toContain("أمينة حسن سوريا");
  expect(arabicPack.all).toContain("Kari Nordmann النرويج");
});

test("a campaigner exports the supporters who may be emailed", async ({ page, javaScriptEnabled, browserProblems }) => {
  await signInAsNewStaff(page, "campaigner", "campaigner");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Exports" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export supporters");
  if (javaScriptEnabled) await expectNoAxeViolations(page);
  await page.getByRole("checkbox", { name: /^Only those who agreed to email updates/ }).check();
  const file = await downloadBy(page, browserProblems, "Download the supporters (CSV)");
  expect(file.name).toMatch(/^supporters-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csvObjects(file.bytes.toString("utf8"));
  for (const row of rows) expect(row["Agreed to email updates (1 = yes)"]).toBe("1");
  await page.goto("/ar/admin/exports");
  if (javaScriptEnabled) await expectNoAxeViolations(page);
});
