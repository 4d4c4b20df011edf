import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { AFGHANISTAN, freshEmail } from "./support/petition.ts";

/** A webhook receiver on this machine, as a partner's CRM would run one; it answers 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push(body);
      response.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

test("an admin makes an API key (shown once) and registers a webhook, and a delivery shows in its log", async ({
  page,
  javaScriptEnabled,
}) => {
  test.setTimeout(60_000);
  const receiver = await startReceiver();
  try {
    const admin = freshEmail("admin");
    await setUpAndSignIn(page, await createStaffUser(admin, "admin"), admin);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "API and webhooks" }).click();
    await expect(page).toHaveURL(/\/admin\/api$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API keys");
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    // A key for the CRM, able to read and write: shown on this page once.
    const name = `CRM sync ${Date.now().toString(36)}`;
    await page.getByRole("textbox", { name: "Name" }).fill(name);
    await page.getByRole("checkbox", { name: /^Write/ }).check();
    await page.getByRole("button", { name: "Make the key" }).click();
    await expect(page.getByRole("status")).toContainText("it will not be shown again");
    const key = await page.getByRole("textbox", { name: `The new key “${name}”` }).inputValue();
    expect(key).toMatch(/^iwk_/);
    await page.goto("/admin/api");
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("read, write");
    await expect(page.locator(`input[value="${key}"]`)).toHaveCount(0);

    // A webhook to the receiver for new signatures, its secret shown once.
    await page.getByRole("main").getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks");
    await page.getByRole("textbox", { name: "Address (URL)" }).fill(receiver.url);
    await page.getByRole("textbox", { name: "Description (optional)" }).fill("CRM");
    await page.getByRole("checkbox", { name: "signature.created" }).check();
    await page.getByRole("button", { name: "Register the endpoint" }).click();
    const secret = await page.getByRole("textbox", { name: `The signing secret of ${receiver.url}` }).inputValue();
    expect(secret).toMatch(/^whsec_/);

    // The CRM records a signature through the API with its key; the webhook tells it back.
    const res = await page.request.post(`/api/v1/petitions/${AFGHANISTAN}/signatures`, {
      headers: { authorization: `Bearer ${key}` },
      data: {
        person: {
          given_name: "Sara",
          family_name: "Ahmadi",
          email_addresses: [{ address: freshEmail("sara") }],
          postal_addresses: [{ country: "SE" }],
        },
      },
    });
    expect(res.status()).toBe(202);
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.goto("/admin/api/webhooks");
    const log = page.getByRole("table", { name: /^The latest deliveries/ });
    const delivery = log.getByRole("row").filter({ hasText: receiver.url }).filter({ hasText: "signature.created" });
    await expect(delivery.first()).toContainText("Delivered");
    await expect(delivery.first()).toContainText("200");
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    // The same pages in Arabic, right to left, pass axe too.
    for (const path of ["/ar/admin/api", "/ar/admin/api/webhooks"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    }

    // The reference the key's user reads: every route, made from the same schemas, no script needed.
    await page.goto("/admin/api");
    await page.getByRole("main").getByRole("link", { name: "API reference" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API reference");
    await expect(page.getByRole("heading", { name: "POST /api/v1/petitions/{slug}/signatures" })).toBeVisible();
    if (javaScriptEnabled) await expectNoAxeViolations(page);

    // Stop sending to it, so that later tests' signatures do not queue deliveries to a closed receiver.
    await page.goto("/admin/api/webhooks");
    await page
      .getByRole("row")
      .filter({ hasText: receiver.url })
      .filter({ has: page.getByRole("button", { name: "Stop sending" }) })
      .getByRole("button", { name: "Stop sending" })
      .click();
    await expect(page.getByRole("row").filter({ hasText: "Stopped" }).first()).toBeVisible();
  } finally {
    receiver.server.closeAllConnections();
    await new Promise((resolve) => receiver.server.close(resolve));
  }
});
