import type { Locale } from "../../i18n/locales.ts";
import { ASYLUM_BASICS } from "./asylum-basics.ts";
import type { Lesson, LessonText } from "./lesson.ts";

export type { Lesson, LessonText, QuizQuestion } from "./lesson.ts";

/** Every built-in lesson, in the order the Learn page lists them. */
export const LESSONS: readonly Lesson[] = [ASYLUM_BASICS];

export function findLesson(slug: string): Lesson | undefined {
  return LESSONS.find((l) => l.slug === slug);
}

/** A lesson's text in the reader's language, or in English, with the language it is in. */
export function lessonIn(lesson: Lesson, locale: Locale): { locale: string; text: LessonText } {
  const own = lesson.text[locale];
  return own ? { locale, text: own } : { locale: "en", text: lesson.text.en };
}
