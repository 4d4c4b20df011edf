import {
  expect,
  expectNoAxeViolations,
  expectNoSidewaysScrollAtNarrowWidth,
  skipAxeWithoutJavaScript,
  test,
} from "./support/fixtures.ts";
import { deliverToDevMailbox } from "./support/mailbox.ts";

test.describe("a developer reading the development mailbox", () => {
  let subject: string;

  test.beforeEach(async () => {
    const { project, title } = test.info();
    subject = `Please confirm your signature (${project.name}, ${title})`;
    await deliverToDevMailbox({
      to: "ada@example.org",
      subject,
      text: "Confirm your signature: http://127.0.0.1/confirm/abc",
      html: "<p>Confirm your signature: <a href='http://127.0.0.1/confirm/abc'>confirm</a></p>",
    });
  });

  test("reads a message the site sent, then its HTML version", async ({ page }) => {
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Development mailbox");
    const message = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: subject }) });
    await expect(message).toContainText("ada@example.org");
    await expect(message).toContainText("Confirm your signature: http://127.0.0.1/confirm/abc");
    await message.getByRole("link", { name: "View the HTML version" }).click();
    await expect(page.getByRole("link", { name: "confirm" })).toBeVisible();
  });

  test("deletes every message", async ({ page }) => {
    await page.goto("/dev/mailbox");
    await page.getByRole("button", { name: "Delete all messages" }).click();
    await expect(page).toHaveURL("/dev/mailbox");
    await expect(page.getByRole("main")).toContainText("No emails have been sent yet.");
    await expect(page.getByRole("heading", { name: subject })).toHaveCount(0);
  });

  test("reads it on a 320px-wide screen without scrolling sideways", async ({ page }) => {
    await page.goto("/dev/mailbox");
    await expectNoSidewaysScrollAtNarrowWidth(page);
  });

  test("finds it meets WCAG 2.2 AA as far as axe can tell", async ({ page, javaScriptEnabled }) => {
    skipAxeWithoutJavaScript(javaScriptEnabled);
    await page.goto("/dev/mailbox");
    await expectNoAxeViolations(page);
  });
});
