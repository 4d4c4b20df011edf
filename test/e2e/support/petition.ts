// What the petition specs share: fresh addresses, the count as the site reports it, the
// development mailbox, and signing through plain form posts where the form is not the point.
import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";

export const AFGHANISTAN = "stop-returns-to-afghanistan";
export const SAFE_ROUTES = "safe-and-legal-routes";

/** An address nobody has used in this database: the project and a random tag keep runs apart. */
export function freshEmail(name: string): string {
  const project = test.info().project.name;
  return `${name}.${project}.${Date.now()}.${randomBytes(3).toString("hex")}@example.org`;
}

/** "N signatures", as the campaign page writes it. */
export function countLabel(total: number): string {
  if (total === 0) return "No signatures yet";
  return `${new Intl.NumberFormat("en").format(total)} ${total === 1 ? "signature" : "signatures"}`;
}

/** The "N signatures" line at the top of the count, on a campaign or embed page. */
export function shownCount(page: Page) {
  return page.locator("#signature-count-total");
}

export async function readCount(request: APIRequestContext, slug: string): Promise<number> {
  const response = await request.get(`/campaigns/${slug}/count.json`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total_signatures: number }).total_signatures;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** The newest message to this address whose subject matches, once the job worker has sent it. */
export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get("/dev/mailbox.json");
        const { messages } = (await response.json()) as { messages: Mail[] };
        found = messages.find((m) => m.to === to && subject.test(m.subject));
        return found !== undefined;
      },
      { message: `an email to ${to} with a subject like ${subject}`, timeout: 10_000 },
    )
    .toBe(true);
  return found as Mail;
}

/** Every message to this address whose subject matches. */
export async function mailsTo(request: APIRequestContext, to: string, subject: RegExp): Promise<Mail[]> {
  const { messages } = (await (await request.get("/dev/mailbox.json")).json()) as { messages: Mail[] };
  return messages.filter((m) => m.to === to && subject.test(m.subject));
}

export const CONFIRM_SUBJECT = /^Please confirm your signature/;

/** The link in the newest confirmation email to this address, as the site's own address. */
export async function confirmationLink(request: APIRequestContext, email: string): Promise<string> {
  const mail = await waitForMail(request, email, CONFIRM_SUBJECT);
  const link = mail.text.match(/https?:\/\/\S+\/signatures\/confirm\?token=[\w-]+/)?.[0];
  expect(link, "the email carries a confirmation link").toBeDefined();
  return link as string;
}

/** Fills the campaign page's form the way a person does, and sends it. */
export async function signOnPage(
  page: Page,
  person: { name: string; email: string; country: string; updates?: boolean },
) {
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByRole("textbox", { name: "Full name" }).fill(person.name);
  await form.getByRole("textbox", { name: "Email address" }).fill(person.email);
  await form.getByRole("combobox", { name: "Country" }).selectOption({ label: person.country });
  if (person.updates) await form.getByRole("checkbox", { name: /^Keep me updated/ }).check();
  await form.getByRole("button", { name: "Sign the petition" }).click();
}

export function csrfOf(html: string): string {
  const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  expect(token, "the page's form carries a CSRF token").toBeDefined();
  return token as string;
}

/** Signs through the form's own post; returns the thank-you page it leads to. */
export async function signByPost(request: APIRequestContext, slug: string, email: string, country = "NO") {
  const page = await request.get(`/campaigns/${slug}`);
  const signed = await request.post(`/campaigns/${slug}/signatures`, {
    form: { _csrf: csrfOf(await page.text()), name: "Nadia Rahimi", email, country },
    maxRedirects: 0,
  });
  expect(signed.status(), "signing answers with a redirect to the thank-you page").toBe(303);
  return signed.headers().location ?? "";
}

/**
 * Signs and confirms through the same form posts the pages make, for the specs about what
 * happens next. The request context shares the page's cookies, so the CSRF token matches.
 */
export async function signAndConfirm(request: APIRequestContext, slug: string, email: string, country = "NO") {
  await signByPost(request, slug, email, country);
  const link = await confirmationLink(request, email);
  const confirmPage = await request.get(link);
  const token = new URL(link).searchParams.get("token") ?? "";
  const confirmed = await request.post("/signatures/confirm", {
    form: { _csrf: csrfOf(await confirmPage.text()), token },
    maxRedirects: 0,
  });
  expect(confirmed.status(), "confirming answers with a redirect to the thank-you page").toBe(303);
  return confirmed.headers().location ?? "";
}
