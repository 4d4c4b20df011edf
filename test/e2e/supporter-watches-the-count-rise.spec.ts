import { BASE_URL } from "./support/environment.ts";
import { expect, test } from "./support/fixtures.ts";
import { AFGHANISTAN, countLabel, freshEmail, readCount, shownCount, signAndConfirm } from "./support/petition.ts";

test.describe("a supporter watching a petition's count", () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "the count moves by itself only with JavaScript");

  test("sees it rise without reloading when someone else's signature is confirmed", async ({ page, browser }) => {
    // The watcher is someone else, in a browser of their own.
    const watcher = await browser.newContext({ baseURL: BASE_URL });
    try {
      const watching = await watcher.newPage();
      const problems: string[] = [];
      watching.on("pageerror", (error) => problems.push(error.message));
      watching.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      const before = await readCount(page.request, AFGHANISTAN);
      const stream = watching.waitForResponse((r) => r.url().endsWith(`/campaigns/${AFGHANISTAN}/live`));
      await watching.goto(`/campaigns/${AFGHANISTAN}`);
      await stream;
      await expect(shownCount(watching)).toHaveText(countLabel(before));
      await expect(watching.locator("[data-count-announce]")).toHaveAttribute("aria-live", "polite");

      await signAndConfirm(page.request, AFGHANISTAN, freshEmail("farid"));

      await expect(shownCount(watching)).toHaveText(countLabel(before + 1), { timeout: 5_000 });
      await expect(watching.locator(".signature-count__bar")).toHaveJSProperty("value", before + 1);
      expect(problems, "the watcher's browser reported no errors").toEqual([]);
    } finally {
      await watcher.close();
    }
  });
});
