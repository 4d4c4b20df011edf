import type { Deps } from "../../deps.ts";
import type { I18n } from "../i18n/i18n.ts";
import { type Locale, localisedPath } from "../i18n/locales.ts";
import { firstNameOf } from "../petitions/signatures.repo.ts";
import { issueToken, type TokenPurpose } from "../tokens/tokens.ts";

/**
 * An id a composer's params hold under `name`. Params without it are a programming error:
 * the composer throws, and the message is tried again later (and fails for good in the end).
 */
export function idIn(params: unknown, name: string): number {
  const value = (params as Record<string, unknown> | null)?.[name];
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw new Error(`params have no ${name}`);
  return value;
}

/** A path of the site as the absolute address an email links to. */
export function siteUrl(deps: Deps, path: string): string {
  return new URL(path, deps.config.publicUrl).toString();
}

/**
 * A link with a new token for `purpose` and `subjectId`, to `path` in `locale`
 * (`…/path?token=…`). The raw token exists only in the email the link goes into.
 */
export async function tokenLink(
  deps: Deps,
  purpose: TokenPurpose,
  subjectId: number,
  locale: Locale,
  path: string,
): Promise<string> {
  const token = await issueToken(deps.db, purpose, subjectId);
  return `${siteUrl(deps, localisedPath(locale, path))}?token=${token}`;
}

/** An email's first line: "Hello" and the first of the person's names. */
export function greeting(i18n: I18n, fullName: string): string {
  return i18n.t("mail.greeting", { name: firstNameOf(fullName) });
}
