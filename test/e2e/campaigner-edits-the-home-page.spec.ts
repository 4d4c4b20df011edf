import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { freshEmail } from "./support/petition.ts";

// The first figure is refused on purpose: its page answers 400.
test.use({ expectedConsoleErrors: [/status of 400/] });

/** The blocks of the home page, in the order it shows them (once its pictures have loaded). */
async function homeBlocks(page: Page) {
  await page.waitForLoadState("networkidle");
  return page.locator("[data-block]").evaluateAll((blocks) => blocks.map((b) => b.getAttribute("data-block")));
}

test("a campaigner edits a figure, writes a page and reorders the home page, and visitors see it at once", async ({
  page,
  javaScriptEnabled,
}) => {
  test.setTimeout(90_000);
  const axe = async () => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const tag = randomBytes(4).toString("hex");
  const email = freshEmail("campaigner");
  await setUpAndSignIn(page, await createStaffUser(email, "campaigner"), email);

  // A figure: a mistake first, then one that is right, then a better number.
  await page.getByRole("link", { name: "In numbers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("In numbers: the home page’s figures");
  const label = `towns that welcome ${tag}`;
  await page.getByRole("textbox", { name: "Value" }).fill("1,5");
  await page.getByRole("textbox", { name: "What it counts" }).fill(label);
  await page.getByRole("textbox", { name: "Source", exact: true }).fill("Town survey");
  await page.getByRole("textbox", { name: "Address of the source" }).fill("http://example.org/survey");
  await page.getByRole("textbox", { name: "The date it holds for" }).fill("2024-06");
  await page.getByRole("button", { name: "Add a figure" }).click();
  await expect(page).toHaveTitle(/^Error:/);
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: /Enter a number with digits/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Enter an address starting with https/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "What it counts" })).toHaveValue(label);
  await axe();
  await page.getByRole("textbox", { name: "Value" }).fill("120");
  await page.getByRole("textbox", { name: "Address of the source" }).fill("https://example.org/survey");
  await page.getByRole("button", { name: "Add a figure" }).click();
  await expect(page.getByRole("status")).toHaveText("Added.");
  await page.getByRole("link", { name: label }).click();
  await page.getByRole("textbox", { name: "Value" }).fill("135");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  // It goes to the top of the list.
  const rows = page.locator("table tbody tr");
  const count = await rows.count();
  await expect(rows.nth(count - 1)).toContainText(label);
  for (let at = count - 2; at >= 0; at--) {
    await page.getByRole("button", { name: `Move up: ${label}` }).click();
    await expect(rows.nth(at)).toContainText(label);
  }
  await expect(page.getByRole("status")).toHaveText("Moved.");
  await expect(page.getByRole("button", { name: `Move up: ${label}` })).toBeDisabled();
  await axe();

  await page.goto("/");
  const figures = page.getByRole("region", { name: "In numbers" });
  await expect(figures.getByRole("listitem").first()).toContainText(label);
  await expect(figures.getByRole("listitem").first()).toContainText("135");
  await expect(figures.getByRole("link", { name: "Source: Town survey, June 2024" })).toHaveAttribute(
    "href",
    "https://example.org/survey",
  );
  await page.waitForLoadState("networkidle");

  // A page: written, previewed, saved, then changed.
  await page.goto("/admin/pages");
  await axe();
  await page.getByRole("link", { name: "New page" }).click();
  const slug = `winter-coats-${tag}`;
  await page.getByRole("textbox", { name: "Address of the page" }).fill(slug);
  await page.getByRole("textbox", { name: "Title" }).fill("Winter coats");
  await page.getByRole("textbox", { name: "Text (Markdown)" }).fill("## Where to bring them\n\nTo the *library*.");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: /Preview/ });
  await expect(preview.getByRole("heading", { name: "Where to bring them" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue("Winter coats");
  await axe();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Added.");
  await page.getByRole("textbox", { name: "Text (Markdown)" }).fill("## Where to bring them\n\nTo the town hall.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.getByRole("link", { name: "See the page on the site" }).click();
  await expect(page).toHaveURL(`/pages/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Winter coats");
  await expect(page.getByRole("main")).toContainText("To the town hall.");

  // A translation added, then deleted alone: its readers get the English again, with the note.
  await page.goto(`/admin/pages/${slug}/nb`);
  await page.getByRole("textbox", { name: "Title" }).fill("Vinterjakker");
  await page.getByRole("textbox", { name: "Text (Markdown)" }).fill("Til rådhuset.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.getByRole("button", { name: "Delete the Norwegian Bokmål version" }).click();
  await expect(page.getByRole("status")).toContainText("version was deleted");
  await axe();
  await page.goto(`/nb/pages/${slug}`);
  await expect(page.getByRole("main")).toContainText("To the town hall.");
  await expect(page.getByRole("note")).toBeVisible();

  // The home page: the figures go below the featured campaigns.
  await page.goto("/admin/home-page");
  await axe();
  await page.getByRole("button", { name: "Move down: In numbers" }).click();
  await expect(page.getByRole("status")).toHaveText("Moved.");
  await page.goto("/");
  const order = await homeBlocks(page);
  expect(order.indexOf("campaigns")).toBeLessThan(order.indexOf("figures"));

  // Put back what the other browser tests expect: the figures first, and only the demo's.
  await page.goto("/admin/home-page");
  await page.getByRole("button", { name: "Move up: In numbers" }).click();
  await expect(page.getByRole("status")).toHaveText("Moved.");
  await page.goto("/admin/figures");
  await page.getByRole("link", { name: label }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status")).toHaveText("Deleted.");
  await page.goto("/");
  expect((await homeBlocks(page))[0]).toBe("figures");
  await expect(page.getByRole("region", { name: "In numbers" })).not.toContainText(label);
  await page.waitForLoadState("networkidle");
});
