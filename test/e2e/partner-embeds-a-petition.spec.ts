import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FrameLocator, Page } from "@playwright/test";
import { BASE_URL } from "./support/environment.ts";
import { expect, test } from "./support/fixtures.ts";
import { confirmationLink, countLabel, freshEmail, readCount, SAFE_ROUTES, shownCount } from "./support/petition.ts";

const EMBED = `/embed/petitions/${SAFE_ROUTES}`;
const THANKS = new RegExp(`${EMBED}/thank-you\\?code=[\\w-]{10}$`);

/** Signs in the compact form, on its own page or inside a partner's frame. */
async function signIn(where: Page | FrameLocator, email: string) {
  const form = where.getByRole("region", { name: "Sign the petition" });
  await form.getByRole("textbox", { name: "Full name" }).fill("Omar Said");
  await form.getByRole("textbox", { name: "Email address" }).fill(email);
  await form.getByRole("combobox", { name: "Country" }).selectOption({ label: "Canada" });
  await form.getByRole("button", { name: "Sign the petition" }).click();
}

test.describe("a partner embedding a petition on their own site", () => {
  test("shows the compact form with the count, and a way to the full campaign", async ({ page }) => {
    const total = await readCount(page.request, SAFE_ROUTES);
    await page.goto(EMBED);
    const title = page.getByRole("heading", { level: 1 }).getByRole("link");
    await expect(title).toHaveText("Open safe and legal routes to protection");
    await expect(title).toHaveAttribute("href", `/campaigns/${SAFE_ROUTES}`);
    await expect(title).toHaveAttribute("target", "_blank");
    await expect(shownCount(page)).toHaveText(countLabel(total));
    await expect(page.getByRole("region", { name: "Sign the petition" })).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
  });

  test("may be framed by any site, while the site's own pages may not", async ({ page }) => {
    const embed = (await page.request.get(EMBED)).headers();
    expect(embed["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed["x-frame-options"]).toBeUndefined();
    const campaign = (await page.request.get(`/campaigns/${SAFE_ROUTES}`)).headers();
    expect(campaign["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(campaign["x-frame-options"]).toBe("DENY");
  });

  test("signs through it and is asked to confirm by email", async ({ page }) => {
    const email = freshEmail("omar");
    await page.goto(EMBED);
    const posted = page.waitForResponse((r) => r.request().method() === "POST");
    await signIn(page, email);
    expect((await posted).status()).toBe(303);
    await expect(page).toHaveURL(THANKS);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
    await expect(page.getByRole("main")).toContainText("One more step: we have sent you an email.");
    expect(await confirmationLink(page.request, email)).toContain("/signatures/confirm?token=");
  });

  test.describe("inside a frame on the partner's page", () => {
    let partner: Server;
    let partnerUrl: string;

    test.beforeAll(async () => {
      partner = createServer((_request, response) => {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(`<!doctype html><html lang="en"><head><title>A partner</title><link rel="icon" href="data:,">
          </head><body><h1>Our friends' petition</h1>
          <iframe title="Sign the petition" src="${BASE_URL}${EMBED}" width="400" height="900"></iframe></body></html>`);
      });
      await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
      partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/`;
    });

    test.afterAll(async () => {
      await new Promise((resolve) => partner.close(resolve));
    });

    test("a visitor there signs without leaving it, with no cookie to help", async ({ page, context }) => {
      await page.goto(partnerUrl);
      const frame = page.frameLocator("iframe[title='Sign the petition']");
      await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Open safe and legal routes to protection");
      // Browsers may keep no cookie for a frame from another site: the form's own token is enough.
      await context.clearCookies();
      await signIn(frame, freshEmail("omar"));
      await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Thank you for signing");
      await expect(page).toHaveURL(partnerUrl);
      expect(page.frames().some((f) => THANKS.test(f.url()))).toBe(true);
    });

    test.describe("when the visitor makes a mistake", () => {
      // The form comes back with 400 Bad Request, which the browser logs.
      test.use({ expectedConsoleErrors: [/status of 400/] });

      test("is told what to fix inside the frame", async ({ page }) => {
        await page.goto(partnerUrl);
        const frame = page.frameLocator("iframe[title='Sign the petition']");
        await frame.getByRole("textbox", { name: "Email address" }).fill("omar@");
        await frame.getByRole("button", { name: "Sign the petition" }).click();
        const summary = frame.getByRole("alert", { name: "There is a problem" });
        await expect(summary.getByRole("link", { name: /^Enter an email address/ })).toHaveAttribute(
          "href",
          "#field-email",
        );
        await expect(frame.getByRole("textbox", { name: "Email address" })).toHaveValue("omar@");
        await expect(page).toHaveURL(partnerUrl);
      });
    });
  });
});
