import { createDb } from "../../src/db/index.ts";
import { createStaffUser, setUpAndSignIn } from "./support/admin.ts";
import { databaseUrl } from "./support/environment.ts";
import { expect, expectNoAxeViolations, test } from "./support/fixtures.ts";
import { AFGHANISTAN, CONFIRM_SUBJECT, freshEmail, mailsTo, signOnPage, waitForMail } from "./support/petition.ts";

/**
 * What the outbox records when the organisation's mail server refuses a message ten times:
 * the development mailbox never refuses, so the test writes the outcome the sender would.
 * The message keeps what it is made from (the signature), as a failed one does.
 */
async function refusedByTheMailServer(email: string): Promise<number> {
  const database = createDb(databaseUrl());
  try {
    const row = await database.db
      .selectFrom("mail_outbox")
      .innerJoin("supporters", "supporters.id", "mail_outbox.supporter_id")
      .innerJoin("signatures", "signatures.supporter_id", "supporters.id")
      .select(["mail_outbox.id", "signatures.id as signature_id"])
      .where("supporters.email", "=", email)
      .where("mail_outbox.kind", "=", "signature-confirmation")
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable("mail_outbox")
      .set({
        state: "failed",
        attempts: 10,
        params: JSON.stringify({ signatureId: row.signature_id }),
        last_error: "550 5.2.1 Mailbox temporarily disabled",
        sent_at: null,
      })
      .where("id", "=", row.id)
      .execute();
    return row.id;
  } finally {
    await database.close();
  }
}

test("a campaigner sees an email the mail server refused, sends it again, and it arrives once more with the same Message-ID", async ({
  page,
  javaScriptEnabled,
}) => {
  test.setTimeout(60_000);
  // A supporter signs; their confirmation email goes out…
  const supporter = freshEmail("amina");
  await page.goto(`/campaigns/${AFGHANISTAN}`);
  await signOnPage(page, { name: "Amina Rahimi", email: supporter, country: "Norway" });
  const first = await waitForMail(page.request, supporter, CONFIRM_SUBJECT);
  // …but the organisation's mail server turned it away for good.
  const id = await refusedByTheMailServer(supporter);

  const staff = freshEmail("campaigner");
  await setUpAndSignIn(page, await createStaffUser(staff, "campaigner"), staff);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Email" }).click();
  await expect(page).toHaveURL(/\/admin\/mail$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Email delivery");
  const counts = page.getByRole("table", { name: "Messages by state" });
  await expect(counts.getByRole("row", { name: /^Failed [1-9]/ })).toBeVisible();

  // The failed message: masked address, subject and the server's answer, never its content.
  const failed = page.getByRole("table", { name: /^Messages given up/ });
  const row = failed.getByRole("row").filter({ has: page.locator(`form[action="/admin/mail/${id}/retry"]`) });
  await expect(row.getByRole("cell").nth(0)).toHaveText("a•••@example.org");
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^Please confirm your signature: /);
  await expect(row.getByRole("cell").nth(2)).toHaveText("550 5.2.1 Mailbox temporarily disabled");
  await expect(row.getByRole("cell").nth(3)).toHaveText("10");
  await expect(page.getByText(supporter)).toHaveCount(0);
  await expect(page.getByText("token=")).toHaveCount(0);
  if (javaScriptEnabled) await expectNoAxeViolations(page);

  await row.getByRole("button", { name: "Retry" }).click();
  await expect(page).toHaveURL(/\/admin\/mail\?retried=1$/);
  await expect(page.getByRole("status")).toHaveText("1 message is queued to be sent again.");
  await expect(page.locator(`form[action="/admin/mail/${id}/retry"]`)).toHaveCount(0);

  // The worker sends it again: the same Message-ID (a mail program shows one message), a new link.
  await expect.poll(async () => (await mailsTo(page.request, supporter, CONFIRM_SUBJECT)).length).toBe(2);
  const [again] = await mailsTo(page.request, supporter, CONFIRM_SUBJECT);
  expect(again?.headers["Message-ID"]).toBe(first.headers["Message-ID"]);
  expect(again?.text).toMatch(/\/signatures\/confirm\?token=[\w-]{43}/);

  // The same page in Arabic reads right to left, and passes axe too.
  await page.goto("/ar/admin/mail");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("إرسال البريد الإلكتروني");
  if (javaScriptEnabled) await expectNoAxeViolations(page);
});
