// What the campaign editor's tests share: a whole, valid form, and a campaign read by its address.
import type { TestApp } from "../../support/app.ts";

/** A complete, valid editor form; a test changes what it is about. */
export function campaignFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: "Let families reunite",
    slug: "",
    summary: "Refugees in Norway should be able to bring their closest family.",
    demand: "Make family reunification possible for every refugee.",
    body: "Families belong together.\n\n## Why now\n\nBecause **waiting** hurts.",
    targetName: "Emilie Mehl",
    targetOffice: "Minister of Justice",
    goalMode: "automatic",
    goal: "",
    signaturePolicy: "confirm",
    deadline: "",
    topic: "",
    locale: "en",
    intent: "save",
    ...overrides,
  };
}

export const campaignRow = (t: TestApp, slug: string) =>
  t.deps.db.selectFrom("campaigns").selectAll().where("slug", "=", slug).executeTakeFirst();
