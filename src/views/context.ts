import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { I18n } from "../modules/i18n/i18n.ts";

/** What every component on a page may need: language, the page's own path and security tokens. */
export interface PageContext {
  i18n: I18n;
  /** The current path without its locale prefix, for the language switcher and nav. */
  path: string;
  /** The nonce that lets this page's own scripts and styles run under the CSP. */
  nonce: string;
  /** The CSRF token for forms on this page (sets its cookie on first use). */
  csrfToken(): string;
  requestId: string;
  assets: { script: string; style: string; powWorker?: string };
}

export const Page = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const page = useContext(Page);
  if (!page) throw new Error("usePage() outside a page render");
  return page;
}

/** The translate function of the page being rendered. */
export function useT(): I18n["t"] {
  return usePage().i18n.t;
}
