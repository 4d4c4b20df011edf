import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { approveItem, newStaffContext } from "./support/admin.ts";
import { axeWhereScripted, expect, test } from "./support/fixtures.ts";
import { freshEmail, waitForMail } from "./support/petition.ts";

// The form sent with a mistake answers 400, and the story once taken down 404: the browser logs both.
test.use({ expectedConsoleErrors: [/status of 40[04]/] });

/** A photo as a phone takes it: a JPEG with where it was taken and who took it in its EXIF. */
async function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 1400, height: 900, channels: 3, background: "#8a5a44" } })
    .jpeg()
    .withExif({
      IFD0: { Artist: "Someone Private" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "10/1 45/1 0/1" },
    })
    .toBuffer();
}

test("a supporter's story with a photo is approved by a moderator and published without the photo's location", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const axe = axeWhereScripted(javaScriptEnabled);
  const tag = randomBytes(4).toString("hex");
  const title = `Sunday dinners with Amal ${tag}`;
  const teller = freshEmail("teller");
  const original = await photoWithLocation();
  expect((await sharp(original).metadata()).exif).toBeDefined();

  // The form, empty, then sent without the photo's consent: a clear message, the words kept.
  await page.goto("/stories/new");
  await axe(page);
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page
    .getByRole("textbox", { name: "Your story" })
    .fill(`Amal came to our street in March (${tag}).\n\nNow she teaches us to cook.`);
  await page
    .getByLabel("Photo", { exact: true })
    .setInputFiles({ name: "IMG_3301.jpg", mimeType: "image/jpeg", buffer: original });
  await page
    .getByRole("textbox", { name: "What the photo shows" })
    .fill("Two neighbours cooking together in a small kitchen");
  await page.getByRole("textbox", { name: "Full name" }).fill("Kari Nordmann");
  await page.getByRole("textbox", { name: "Email address" }).fill(teller);
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Confirm that everyone in the photo agreed");
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  await axe(page);

  // Sent again with the consent (a file input is never refilled by a browser).
  await page
    .getByLabel("Photo", { exact: true })
    .setInputFiles({ name: "IMG_3301.jpg", mimeType: "image/jpeg", buffer: original });
  await page.getByRole("checkbox", { name: /Everyone who can be recognised in the photo/ }).check();
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your story is waiting for review");
  await page.goto("/stories");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  // A moderator approves it; the teller's address is nowhere on the queue.
  const { context, staff } = await newStaffContext(browser, javaScriptEnabled, "moderator", "moderator");
  await staff.goto("/admin/moderation?kind=story");
  const item = staff.getByRole("article").filter({ hasText: tag });
  await expect(item).toContainText("Kari");
  await expect(staff.getByRole("main")).not.toContainText(teller);
  await approveItem(staff, item);

  // The teller is told, and the story is on the list, its page and the home page.
  const mail = await waitForMail(page.request, teller, /is published$/);
  const storyPath = new URL(mail.text.match(/https?:\/\/\S+\/stories\/[a-z0-9-]+/)?.[0] ?? "").pathname;
  await page.goto("/");
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", storyPath);
  // Leaving a page before its pictures have loaded would abort them: let them load.
  await page.waitForLoadState("load");
  await page.goto("/stories");
  await page.waitForLoadState("load");
  await axe(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(storyPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Told by Kari,")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(teller);
  const photo = page.getByRole("img", { name: "Two neighbours cooking together in a small kitchen" });
  await expect(photo).toBeVisible();
  await page.waitForLoadState("load");
  await axe(page);

  // Every file of the photo comes out without its location or any other metadata.
  const sources = await page
    .locator("main picture source, main picture img")
    .evaluateAll((els) =>
      els
        .flatMap((el) => (el.getAttribute("srcset") ?? el.getAttribute("src") ?? "").split(","))
        .map((s) => s.trim().split(" ")[0] ?? ""),
    );
  const files = [...new Set(sources.filter((s) => s.startsWith("/uploads/")))];
  expect(files.length).toBeGreaterThanOrEqual(6);
  for (const file of files) {
    const res = await page.request.get(file);
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    const meta = await sharp(bytes).metadata();
    expect(meta.exif, file).toBeUndefined();
    expect(bytes.includes(Buffer.from("Someone Private")), file).toBe(false);
  }

  await page.goto(`/ar${storyPath}`);
  await page.waitForLoadState("load");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await axe(page);
  await page.goto("/ar/stories");
  await page.waitForLoadState("load");
  await axe(page);
  await page.goto("/ar/stories/new");
  await axe(page);

  // The story leaves the shared lists again: the moderator undoes the decision.
  await staff.goto("/admin/moderation?kind=story");
  await staff.getByRole("row").filter({ hasText: tag }).getByRole("button", { name: "Undo" }).click();
  await page.goto(storyPath);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(title);
  await context.close();
});
