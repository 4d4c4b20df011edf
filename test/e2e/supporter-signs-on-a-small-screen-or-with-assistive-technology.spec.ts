import type { Page } from "@playwright/test";
import { withCampaignNobodySigned } from "./support/campaigns.ts";
import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";
import {
  AFGHANISTAN,
  confirmationLink,
  freshEmail,
  SAFE_ROUTES,
  shownCount,
  signAndConfirm,
  signByPost,
} from "./support/petition.ts";

/** Each page of the petition journey, reached the way a supporter reaches it. */
const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: "the campaign page with its map of signatures",
    open: async (page) => {
      await signAndConfirm(page.request, AFGHANISTAN, freshEmail("map"), "AF");
      await page.goto(`/campaigns/${AFGHANISTAN}`);
      const countries = page.getByRole("region", { name: "Where people are signing" });
      await expect(countries.getByRole("img", { name: "Map of signatures by country" })).toBeVisible();
      await expect(countries.getByRole("table", { name: "Signatures by country" })).toContainText("Afghanistan");
    },
  },
  {
    name: "the thank-you page",
    open: async (page) => {
      await page.goto(await signByPost(page.request, AFGHANISTAN, freshEmail("thanks")));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
    },
  },
  {
    name: "the page the email's link opens",
    open: async (page) => {
      const email = freshEmail("confirm");
      await signByPost(page.request, AFGHANISTAN, email);
      await page.goto(await confirmationLink(page.request, email));
      await expect(page.getByRole("button", { name: "Confirm my signature" })).toBeVisible();
    },
  },
  {
    name: "the page after confirming",
    open: async (page) => {
      await page.goto(await signAndConfirm(page.request, AFGHANISTAN, freshEmail("counted")));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your signature counts");
    },
  },
  {
    name: "the embedded petition",
    open: async (page) => {
      await page.goto(`/embed/petitions/${SAFE_ROUTES}`);
      await expect(page.getByRole("region", { name: "Sign the petition" })).toBeVisible();
    },
  },
];

test.describe("a supporter on a small screen or with assistive technology", () => {
  for (const { name, open } of PAGES) {
    test(`reads ${name} on a 320px-wide screen without scrolling sideways`, async ({ page }) => {
      await open(page);
      await expectNoSidewaysScrollAtNarrowWidth(page);
    });

    test(`finds ${name} meets WCAG 2.2 AA as far as axe can tell`, async ({ page, javaScriptEnabled }) => {
      skipAxeWithoutJavaScript(javaScriptEnabled);
      await open(page);
      await expectNoAxeViolations(page);
    });
  }

  test.describe("on a campaign nobody has signed yet", () => {
    async function openUnsigned(page: Page, slug: string) {
      await page.goto(`/campaigns/${slug}`);
      await expect(shownCount(page)).toHaveText("No signatures yet");
      await expect(page.getByRole("region", { name: "Where people are signing" })).toHaveCount(0);
    }

    test("reads it on a 320px-wide screen without scrolling sideways", async ({ page }) => {
      await withCampaignNobodySigned(async (slug) => {
        await openUnsigned(page, slug);
        await expectNoSidewaysScrollAtNarrowWidth(page);
      });
    });

    test("finds it meets WCAG 2.2 AA as far as axe can tell", async ({ page, javaScriptEnabled }) => {
      skipAxeWithoutJavaScript(javaScriptEnabled);
      await withCampaignNobodySigned(async (slug) => {
        await openUnsigned(page, slug);
        await expectNoAxeViolations(page);
      });
    });
  });
});
