import { fieldText, isLinkTarget, plainText, positionOf, problemList } from "../content/entry-input.ts";
import { entryWrites } from "../content/entry-store.ts";
import { findLearnResource, type LearnResource } from "./resources.repo.ts";

export const RESOURCE_LIMITS = { title: 150, description: 600, url: 500 } as const;

/** A language tag as resources are marked: "en", "ar", "pt-BR"… */
const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** What the editor's form sent, as text, to be shown again when something is wrong. */
export interface ResourceForm {
  title: string;
  description: string;
  url: string;
  language: string;
  position: string;
}

export function readResourceForm(body: unknown): ResourceForm {
  return {
    title: fieldText(body, "title").replace(/\s+/g, " "),
    description: fieldText(body, "description").replace(/\s+/g, " "),
    url: fieldText(body, "url"),
    language: fieldText(body, "language"),
    position: fieldText(body, "position"),
  };
}

export function formOfResource(r: LearnResource): ResourceForm {
  return {
    title: r.title,
    description: r.description,
    url: r.url,
    language: r.language,
    position: String(r.position),
  };
}

function check(form: ResourceForm) {
  const { problems, add } = problemList();
  add("title", plainText(form.title, RESOURCE_LIMITS.title));
  add("description", plainText(form.description, RESOURCE_LIMITS.description));
  if (!isLinkTarget(form.url)) add("url", "admin.entry.error.link");
  if (!LANGUAGE.test(form.language)) add("language", "admin.entry.error.language");
  const position = positionOf(form.position);
  if (position === null) add("position", "admin.entry.error.position");
  if (problems.length > 0 || position === null) return { ok: false as const, problems };
  return {
    ok: true as const,
    row: { title: form.title, description: form.description, url: form.url, language: form.language, position },
  };
}

/** Adding a resource (id null) or changing one, and deleting one; audited with before and after in the same transaction. */
export const { save: saveLearnResource, remove: deleteLearnResource } = entryWrites(
  { table: "learn_resources", entity: "learn_resource", action: "learn-resource", find: findLearnResource },
  check,
);
