// What every browser test shares: a watch on the browser's own errors, axe, and small checks.
import { AxeBuilder } from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

/** WCAG 2.2 AA is the floor: every rule axe tags for these levels. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The narrowest screen the site promises to fit without sideways scrolling (WCAG 1.4.10). */
export const NARROW_WIDTH = 320;

interface Fixtures {
  /** Console errors a test expects, e.g. the 404 of a page that is meant to be missing. */
  expectedConsoleErrors: RegExp[];
  /** Everything the browser complained about during the test; it must be empty at the end. */
  browserProblems: string[];
}

export const test = base.extend<Fixtures>({
  expectedConsoleErrors: [[], { option: true }],
  browserProblems: [
    async ({ page, javaScriptEnabled, expectedConsoleErrors }, use) => {
      const problems: string[] = [];
      if (javaScriptEnabled) {
        // Chromium logs CSP violations too; the event makes sure none goes unnoticed.
        await page.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (e) => {
            console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline code"}`);
          });
        });
      }
      page.on("console", (message) => {
        const text = message.text();
        if (message.type() === "error" && !expectedConsoleErrors.some((re) => re.test(text))) {
          problems.push(`console error: ${text} (${message.location().url})`);
        }
      });
      page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
      page.on("requestfailed", (request) => {
        // A live count's event stream is open for as long as its page, and a picture may still
        // be loading when a link is followed: leaving the page aborts them. Any other way
        // they fail (and any failure of anything else) is still a problem.
        const errorText = request.failure()?.errorText;
        const leftBehind = ["eventsource", "image"].includes(request.resourceType());
        if (leftBehind && errorText === "net::ERR_ABORTED") return;
        problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ""}`);
      });
      await use(problems);
      expect(problems, "the browser reported no errors").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * axe runs inside the page, so it needs JavaScript; the server sends the same HTML with or
 * without it, so the JavaScript project checks the markup for both.
 */
export function skipAxeWithoutJavaScript(javaScriptEnabled: boolean) {
  test.skip(!javaScriptEnabled, "axe runs inside the page and needs JavaScript");
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `axe found no WCAG violations on ${page.url()}`).toEqual([]);
}

/** expectNoAxeViolations where the page runs JavaScript (axe needs it); nothing without. */
export function axeWhereScripted(javaScriptEnabled: boolean) {
  return async (page: Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
}

/** At 320 CSS pixels wide nothing makes the page scroll sideways. */
export async function expectNoSidewaysScrollAtNarrowWidth(page: Page) {
  await page.setViewportSize({ width: NARROW_WIDTH, height: 640 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `page width at ${NARROW_WIDTH}px`).toBeLessThanOrEqual(NARROW_WIDTH);
}

/** Loads a page and proves its module script ran (V8 counted its top level as executed). */
export async function expectPageScriptRuns(page: Page, path: string) {
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await page.goto(path);
  await page.waitForLoadState("load");
  const coverage = await page.coverage.stopJSCoverage();
  const appScript = coverage.find((entry) => /\/assets\/app-[^/]+\.js$/.test(new URL(entry.url).pathname));
  expect(appScript, "the page loaded its script").toBeDefined();
  const ran = appScript?.functions.some((fn) => fn.ranges.some((range) => range.count > 0)) ?? false;
  expect(ran, "the page's script ran").toBe(true);
}
