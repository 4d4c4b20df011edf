// Staff accounts for the browser tests: made as an operator makes them, with the command, on
// the e2e server's own database and data folder, so the link it prints works there.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { BASE_URL, databaseUrl, dataDir } from "./environment.ts";
import { freshEmail } from "./petition.ts";

const run = promisify(execFile);

/** Runs `npm run admin -- create-user` (dist/admin.js): the path of the one-time setup link it prints. */
export async function createStaffUser(email: string, role: "admin" | "campaigner" | "moderator"): Promise<string> {
  const { stdout } = await run(process.execPath, ["dist/admin.js", "create-user", "--email", email, "--role", role], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      LOG_LEVEL: "warn",
      DATABASE_URL: databaseUrl(),
      DATA_DIR: dataDir(),
      PUBLIC_URL: BASE_URL,
    },
    timeout: 20_000,
  });
  const link = /https?:\/\/\S+\/admin\/setup\?token=[\w-]{43}/.exec(stdout)?.[0];
  expect(link, `the command printed a setup link:\n${stdout}`).toBeDefined();
  const url = new URL(link as string);
  return `${url.pathname}${url.search}`;
}

/** The six digits an authenticator app shows now for this key. */
export const totpCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

/** The password the browser tests' staff choose. */
export const STAFF_PASSWORD = "welcome is something we do together";

/** Takes up an invitation (password and second factor) in the browser, then signs in with a code. */
export async function setUpAndSignIn(page: Page, setupPath: string, email: string) {
  await page.goto(setupPath);
  const key = (await page.locator('code[dir="ltr"]').textContent())?.trim() ?? "";
  await page.getByRole("textbox", { name: "Choose a password" }).fill(STAFF_PASSWORD);
  await page.getByRole("textbox", { name: "Type the password again" }).fill(STAFF_PASSWORD);
  await page.getByRole("textbox", { name: "Code from your authenticator app" }).fill(totpCode(key));
  await page.getByRole("button", { name: "Save and finish" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your recovery codes");
  await page.goto("/admin/login");
  await page.getByRole("textbox", { name: "Email address" }).fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(STAFF_PASSWORD);
  await page.getByRole("textbox", { name: "Code from your authenticator app" }).fill(totpCode(key));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** A new staff member of `role` (a fresh address made from `name`), signed in on `page`: their address. */
export async function signInAsNewStaff(
  page: Page,
  name: string,
  role: "admin" | "campaigner" | "moderator",
): Promise<string> {
  const email = freshEmail(name);
  await setUpAndSignIn(page, await createStaffUser(email, role), email);
  return email;
}

/** A new staff member of `role`, signed in in a browser context of their own. */
export async function newStaffContext(
  browser: Browser,
  javaScriptEnabled: boolean,
  name: string,
  role: "admin" | "campaigner" | "moderator",
) {
  const context = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL });
  const staff = await context.newPage();
  await signInAsNewStaff(staff, name, role);
  return { context, staff };
}

/** Approves an item of the moderation queue (an article there) and sees it done. */
export async function approveItem(staff: Page, item: Locator) {
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByRole("status")).toHaveText("Approved. The person who sent it will be told by email.");
}
