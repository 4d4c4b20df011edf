import type { MessageKey } from "../i18n/i18n.ts";
import { EMAIL_MESSAGES, nameProblem } from "../petitions/signature-input.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";

/** The limits of the story form's fields, shown as maxlength and checked here. */
export const STORY_LIMITS = { title: 120, body: 5000, alt: 300 } as const;

/** How the teller's name is shown with the story. */
export const SHOWN_AS = ["full", "first", "anonymous"] as const;
export type ShownAs = (typeof SHOWN_AS)[number];

/** What the form sent, as text, to be shown again when something is wrong (never the file). */
export interface StoryForm {
  name: string;
  email: string;
  shownAs: string;
  title: string;
  body: string;
  alt: string;
  /** The teller confirms that everyone in the photo agreed to it being published. */
  consent: boolean;
}

/** An uploaded file as the form's handler receives it: its bytes, and whether it was cut short. */
export interface StoryUpload {
  bytes: Buffer;
  truncated: boolean;
}

export interface ValidStory {
  name: string;
  email: string;
  emailCanonical: string;
  shownAs: ShownAs;
  authorName: string;
  title: string;
  body: string;
  alt: string | null;
}

export interface StoryProblem {
  field: keyof StoryForm | "photo";
  message: MessageKey;
}

const CONTROL = /(?![\n\t])\p{Cc}/u;
/** Anything that looks like an HTML tag or comment: a story is plain text. */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>?/i;

function text(b: Record<string, unknown>, field: string): string {
  const value = b[field];
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

export function blankStoryForm(): StoryForm {
  return { name: "", email: "", shownAs: "first", title: "", body: "", alt: "", consent: false };
}

export function readStoryForm(body: unknown): StoryForm {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const consent = b.photo_consent;
  return {
    name: text(b, "name").replace(/\s+/g, " "),
    email: text(b, "email"),
    shownAs: text(b, "shown_as"),
    title: text(b, "title").replace(/\s+/g, " "),
    body: text(b, "body").replace(/\n{3,}/g, "\n\n"),
    alt: text(b, "alt").replace(/\s+/g, " "),
    consent: typeof consent === "string" && consent !== "" && consent !== "0",
  };
}

/** The name the public sees: the whole name, the first word, or none. */
export function authorNameOf(name: string, shownAs: ShownAs): string {
  if (shownAs === "anonymous") return "";
  return shownAs === "first" ? (name.split(" ")[0] ?? name) : name;
}

function textProblem(value: string, max: number, keys: { missing: MessageKey; long: MessageKey }): MessageKey | null {
  if (value === "") return keys.missing;
  if (value.length > max) return keys.long;
  if (CONTROL.test(value)) return "stories.error.invalid";
  if (MARKUP.test(value)) return "stories.error.markup";
  return null;
}

/**
 * Checks the form; every problem at once, in the order of the fields. `hasPhoto` says
 * whether a file came with it: then its alternative text and the consent of the people in
 * it are required. The file itself is checked by decoding it (image-files.ts).
 */
export function validateStory(
  form: StoryForm,
  hasPhoto: boolean,
): { ok: true; value: ValidStory } | { ok: false; problems: StoryProblem[] } {
  const problems: StoryProblem[] = [];
  const add = (field: StoryProblem["field"], message: MessageKey | null) => {
    if (message) problems.push({ field, message });
  };
  add("name", nameProblem(form.name));
  const email = checkEmail(form.email);
  if (email) add("email", EMAIL_MESSAGES[email]);
  const shownAs = SHOWN_AS.find((s) => s === form.shownAs);
  if (!shownAs) add("shownAs", "stories.error.shownAs");
  add(
    "title",
    textProblem(form.title, STORY_LIMITS.title, {
      missing: "stories.error.title.missing",
      long: "stories.error.title.tooLong",
    }),
  );
  add(
    "body",
    textProblem(form.body, STORY_LIMITS.body, {
      missing: "stories.error.body.missing",
      long: "stories.error.body.tooLong",
    }),
  );
  if (hasPhoto) {
    add(
      "alt",
      textProblem(form.alt, STORY_LIMITS.alt, {
        missing: "stories.error.alt.missing",
        long: "stories.error.alt.tooLong",
      }),
    );
    if (!form.consent) add("consent", "stories.error.consent");
  } else if (form.alt.length > STORY_LIMITS.alt) add("alt", "stories.error.alt.tooLong");
  if (problems.length > 0 || !shownAs) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: form.name,
      email: form.email,
      emailCanonical: canonicalEmail(form.email),
      shownAs,
      authorName: authorNameOf(form.name, shownAs),
      title: form.title,
      body: form.body,
      alt: hasPhoto ? form.alt : null,
    },
  };
}
