import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { createDb } from "../../src/db/index.ts";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { databaseUrl } from "./support/environment.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { freshEmail } from "./support/petition.ts";

// The editor's pages with errors come back with 400 Bad Request, which the browser logs.
test.use({ expectedConsoleErrors: [/status of 400/] });

/** axe runs inside the page, so only where JavaScript is on (the markup is the same without). */
async function expectAccessible(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await expectNoAxeViolations(page);
}

/** A photo as a phone takes it: a JPEG with a GPS position in its EXIF. */
async function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 1800, height: 1200, channels: 3, background: "#2a6f97" } })
    .jpeg()
    .withExif({
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "60/1 23/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "5/1 19/1 0/1" },
    })
    .toBuffer();
}

test.describe("a campaigner who writes and publishes a campaign", () => {
  // The campaign is removed afterwards: the other specs count the public campaigns.
  let slug = "";
  test.afterEach(async () => {
    if (!slug) return;
    const database = createDb(databaseUrl());
    try {
      await database.db.deleteFrom("campaigns").where("slug", "=", slug).execute();
    } finally {
      await database.close();
    }
  });

  test("signs in with a second factor, writes a campaign with a photo, translates it and publishes it", async ({
    page,
    javaScriptEnabled,
  }) => {
    test.setTimeout(90_000);
    const email = freshEmail("writer");
    const setupPath = await createStaffUser(email, "campaigner");
    await setUpAndSignIn(page, setupPath, email);

    // From the admin bar to the list of campaigns, then a new one.
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Campaigns" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Campaigns");
    await expectAccessible(page, javaScriptEnabled);
    await page.getByRole("link", { name: "New campaign" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("New campaign");
    await expectAccessible(page, javaScriptEnabled);

    // Saved with no title: the summary says so and nothing is made.
    const title = `Welcome newcomers in Bergen ${randomBytes(3).toString("hex")}`;
    slug = title.toLowerCase().replaceAll(" ", "-");
    await page.getByRole("textbox", { name: "Summary" }).fill("Ask the city to welcome twenty more refugee families.");
    await page
      .getByRole("textbox", { name: "What the petition asks for" })
      .fill("Resettle twenty more families in Bergen this year.");
    await page
      .getByRole("textbox", { name: "Why it matters" })
      .fill("Bergen has room and **goodwill**.\n\n## What we ask\n\nHomes, school places and a warm welcome.");
    await page.getByRole("textbox", { name: "Who the petition is addressed to" }).fill("The city council");
    await page.getByRole("textbox", { name: "Their office or role (optional)" }).fill("Bergen");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const summary = page.getByRole("alert", { name: "There is a problem" });
    await expect(summary).toContainText("Give the campaign a title");
    if (javaScriptEnabled) await expect(summary).toBeFocused();
    await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue(
      "Ask the city to welcome twenty more refugee families.",
    );
    await expectAccessible(page, javaScriptEnabled);

    // The preview shows the Markdown as it will read, then the draft is saved.
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: /Preview/ });
    await expect(preview.locator("strong")).toHaveText("goodwill");
    await expect(preview.getByRole("heading", { name: "What we ask" })).toBeVisible();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("saved as a draft");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Edit: \u2068${title}`);
    const editorUrl = new URL(page.url()).pathname;
    await expectAccessible(page, javaScriptEnabled);
    expect((await page.request.get(`/campaigns/${slug}`)).status()).toBe(404);

    // A photo with its location in it, and words for people who cannot see it.
    await page.getByRole("navigation", { name: "This campaign" }).getByRole("link", { name: "Picture" }).click();
    await page.getByLabel("Picture file").setInputFiles({
      name: "IMG_2041.jpg",
      mimeType: "image/jpeg",
      buffer: await photoWithLocation(),
    });
    await page
      .getByRole("textbox", { name: "Description for people who cannot see the picture" })
      .fill("Families and neighbours sharing a meal in a Bergen park");
    await page.getByRole("textbox", { name: "Credit (optional)" }).fill("Welcome Bergen");
    await page.getByRole("button", { name: "Save the picture" }).click();
    await expect(page.getByRole("status")).toHaveText("The picture is saved.");
    await expect(
      page.getByRole("img", { name: "Families and neighbours sharing a meal in a Bergen park" }),
    ).toBeVisible();
    await expectAccessible(page, javaScriptEnabled);

    // The Arabic translation, typed in the admin in Arabic, right to left.
    await page.goto(`/ar${editorUrl}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectAccessible(page, javaScriptEnabled);
    await page.locator(`a[href="${editorUrl}/translations/ar"]`).click();
    await expect(page.locator("#field-title")).toHaveAttribute("dir", "rtl");
    await expectAccessible(page, javaScriptEnabled);
    await page.locator("#field-title").fill("أهلاً بالقادمين الجدد في بيرغن");
    await page.locator("#field-summary").fill("اطلبوا من المدينة استقبال عشرين عائلة لاجئة أخرى.");
    await page.locator("#field-demand").fill("إعادة توطين عشرين عائلة أخرى في بيرغن هذا العام.");
    await page.locator("#field-body").fill("في بيرغن متسع **وحسن نية**.");
    await page.locator("#field-targetName").fill("مجلس المدينة");
    await page.locator("#field-alt").fill("عائلات وجيران يتشاركون وجبة في حديقة في بيرغن");
    await page.locator("form[action$='/translations/ar'] button[type=submit]").click();
    await expect(page.getByRole("status")).toBeVisible();
    await page.goto("/ar/admin/campaigns");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expectAccessible(page, javaScriptEnabled);

    // Published: the public page shows it, with the photo in modern formats.
    await page.goto(editorUrl);
    await page.getByRole("button", { name: "Publish now" }).click();
    await expect(page.getByRole("status")).toContainText("Published");
    await page.goto(`/campaigns/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const photo = page.getByRole("img", { name: "Families and neighbours sharing a meal in a Bergen park" });
    await expect(photo).toBeVisible();
    await expect(page.locator("picture source[type='image/avif']")).toHaveCount(1);
    await expect(page.locator(".campaign__header figcaption")).toContainText("Welcome Bergen");
    if (javaScriptEnabled) expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const src = (await photo.getAttribute("src")) ?? "";
    const file = await page.request.get(src);
    expect(file.status()).toBe(200);
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await sharp(await file.body()).metadata()).exif).toBeUndefined();
    await page.waitForLoadState("load");
    await page.goto(`/ar/campaigns/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("أهلاً بالقادمين الجدد في بيرغن");
    await expect(page.getByRole("img", { name: "عائلات وجيران يتشاركون وجبة في حديقة في بيرغن" })).toBeVisible();
    await page.waitForLoadState("load");
  });
});
