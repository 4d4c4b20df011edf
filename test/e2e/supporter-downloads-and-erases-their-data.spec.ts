import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { ERASED_SUBJECT, joinByPost, signInByEmailedLink } from "./support/community.ts";
import { expect, test } from "./support/fixtures.ts";
import { AFGHANISTAN, freshEmail, mailsTo, readCount, signAndConfirm, waitForMail } from "./support/petition.ts";

interface Export {
  supporter: { email: string; name: string };
  signatures: { petition: string; status: string }[];
  consents: { purpose: string }[];
}

function expectItHolds(data: Export, email: string) {
  expect(data.supporter.email).toBe(email);
  expect(data.supporter.name).toBe("Nadia Rahimi");
  expect(data.signatures).toEqual([expect.objectContaining({ petition: AFGHANISTAN, status: "confirmed" })]);
  expect(data.consents.map((c) => c.purpose)).toContain("email-updates");
}

/** The file the page's download button gives. */
async function download(page: Page): Promise<Export> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my data (JSON)" }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("iwelcome-my-data.json");
  return JSON.parse(await readFile(await file.path(), "utf8")) as Export;
}

test.describe("a supporter who signed and joined, taking their data and erasing it", () => {
  test("downloads everything held, erases it, and the petition count stays", async ({ page }) => {
    const email = freshEmail("nadia");
    const before = await readCount(page.request, AFGHANISTAN);
    await signAndConfirm(page.request, AFGHANISTAN, email);
    await joinByPost(page.request, { name: "Nadia Rahimi", email });
    expect(await readCount(page.request, AFGHANISTAN)).toBe(before + 1);

    await signInByEmailedLink(page, email, "your-data");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your data");
    expectItHolds(await download(page), email);
    const exported = await page.request.get("/your-data/export.json");
    expect(exported.status()).toBe(200);
    expectItHolds((await exported.json()) as Export, email);

    await page.getByRole("link", { name: "Erase my data" }).click();
    const confirm = page.getByRole("alert");
    await expect(confirm).toContainText("Are you sure? This cannot be undone.");
    await confirm.getByRole("button", { name: "Yes, erase everything" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your data is erased");
    expect(await readCount(page.request, AFGHANISTAN), "the signature still counts").toBe(before + 1);

    await waitForMail(page.request, email, ERASED_SUBJECT);
    const left = (await mailsTo(page.request, email, /./)).map((m) => m.subject);
    expect(left, "the mailbox keeps nothing else to the address").toEqual(["Your data has been erased"]);

    expect((await page.request.get("/your-data/export.json")).status()).toBe(401);
    await page.goto("/preferences");
    await expect(page.getByRole("button", { name: "Send me a link" })).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(0);
  });
});
