// What the community specs share: joining through the form's own posts, the emails that
// follow, and the emailed links that sign a supporter in to their preferences or data.
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { csrfOf, type Mail, waitForMail } from "./petition.ts";

export const JOIN_CONFIRM_SUBJECT = /^Please confirm that you want to join/;
export const WELCOME_SUBJECT = /^Welcome to the community/;
export const ERASED_SUBJECT = /^Your data has been erased/;
const MANAGE_SUBJECT = {
  preferences: /^Your link to change your preferences/,
  "your-data": /^Your link to see or erase your data/,
} as const;

export type ManageTarget = keyof typeof MANAGE_SUBJECT;

function linkIn(mail: Mail, pattern: RegExp, what: string): string {
  const link = mail.text.match(pattern)?.[0];
  expect(link, `the email carries ${what}`).toBeDefined();
  return link as string;
}

/** The link in the newest join confirmation email to this address. */
export async function joinConfirmationLink(request: APIRequestContext, email: string): Promise<string> {
  const mail = await waitForMail(request, email, JOIN_CONFIRM_SUBJECT);
  return linkIn(mail, /https?:\/\/\S+\/join\/confirm\?token=[\w-]+/, "a confirmation link");
}

/** Joins and confirms through the same form posts the pages make; returns the welcome email. */
export async function joinByPost(
  request: APIRequestContext,
  person: { name: string; email: string; updates?: boolean; language?: string },
): Promise<Mail> {
  const form = await request.get("/join");
  const sent = await request.post("/join", {
    form: {
      _csrf: csrfOf(await form.text()),
      name: person.name,
      email: person.email,
      country: "NO",
      language: person.language ?? "en",
      topics: "safe-routes",
      ...(person.updates === false ? {} : { updates: "yes" }),
    },
    maxRedirects: 0,
  });
  expect(sent.status(), "joining answers with a redirect to check your email").toBe(303);
  const link = await joinConfirmationLink(request, person.email);
  const confirmPage = await request.get(link);
  const confirmed = await request.post("/join/confirm", {
    form: { _csrf: csrfOf(await confirmPage.text()), token: new URL(link).searchParams.get("token") ?? "" },
    maxRedirects: 0,
  });
  expect(confirmed.status(), "confirming answers with a redirect to the welcome page").toBe(303);
  return waitForMail(request, person.email, WELCOME_SUBJECT);
}

/** The one-click unsubscribe address of an email, from its List-Unsubscribe header. */
export function unsubscribeLinkOf(mail: Mail): string {
  const link = mail.headers["List-Unsubscribe"]?.match(/^<(https?:\/\/\S+\/unsubscribe\?u=[\w.-]+)>$/)?.[1];
  expect(link, "the email has a List-Unsubscribe header with a link").toBeDefined();
  return link as string;
}

/**
 * Asks for a link on /preferences or /your-data the way a person does, opens it from the
 * mailbox and presses Continue: the page is left on the signed-in target.
 */
export async function signInByEmailedLink(page: Page, email: string, target: ManageTarget) {
  await page.goto(`/${target}`);
  await page.getByRole("textbox", { name: "Email address" }).fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page).toHaveURL(new RegExp(`/${target}\\?sent=1$`));
  await expect(page.getByRole("status")).toHaveText(/^If we hold that address, we have sent a link to it/);
  const mail = await waitForMail(page.request, email, MANAGE_SUBJECT[target]);
  await page.goto(linkIn(mail, /https?:\/\/\S+\/manage\?token=[\w-]+&next=[\w-]+/, "a sign-in link"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Continue to your details");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/${target}$`));
}
