import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures.ts";
import { AFGHANISTAN, freshEmail } from "./support/petition.ts";

/** Presses Tab until the element with this id has focus, checking each stop shows its focus. */
async function tabTo(page: Page, id: string, most = 80) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { id: "", visible: true };
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const shown = style.outlineStyle !== "none" || style.boxShadow !== "none";
      const onScreen = rect.bottom > 0 && rect.top < window.innerHeight;
      return { id: el.id, visible: shown && onScreen };
    });
    expect(focused.visible, `focus is visible and on screen at stop ${i + 1} (${focused.id})`).toBe(true);
    if (focused.id === id) return;
  }
  throw new Error(`never reached #${id} with the Tab key`);
}

/** Moves through a closed select with the arrow keys, as a keyboard user does, to one option. */
async function chooseWithArrowKeys(page: Page, id: string, value: string) {
  const select = page.locator(`#${id}`);
  await page.keyboard.press("Home");
  for (let i = 0; i < 300 && (await select.inputValue()) !== value; i++) await page.keyboard.press("ArrowDown");
  await expect(select).toHaveValue(value);
  await expect(select).toBeFocused();
}

for (const locale of ["", "/ar"]) {
  test(`a keyboard user signs a petition${locale ? " in Arabic" : ""} without a pointer`, async ({ page }) => {
    const email = freshEmail("keyboard");
    await page.goto(`${locale}/campaigns/${AFGHANISTAN}`);
    await tabTo(page, "field-name");
    await page.keyboard.type("Karim Nazari");
    await tabTo(page, "field-email");
    await page.keyboard.type(email);
    await tabTo(page, "field-country");
    await chooseWithArrowKeys(page, "field-country", "NO");
    await tabTo(page, "field-updates");
    await page.keyboard.press("Space");
    await expect(page.locator("#field-updates")).toBeChecked();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.locator("#sign button[type=submit]")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${locale}/campaigns/${AFGHANISTAN}/thank-you`));
  });
}
