/**
 * A built-in lesson: a few pages of Markdown and a closing quiz, written by the
 * organisation itself and kept with the code (the demo's lesson is in asylum-basics.ts).
 * Each language is a full text of its own; a language without one falls back to English.
 */
export interface LessonText {
  title: string;
  summary: string;
  pages: { title: string; body: string }[];
  quiz: QuizQuestion[];
}

export interface QuizQuestion {
  question: string;
  options: string[];
  /** The index of the right option. */
  answer: number;
  /** Why it is right: shown with the result, whatever was chosen. */
  explanation: string;
}

export interface Lesson {
  slug: string;
  /** English is required; other languages as they are written. */
  text: { en: LessonText } & Partial<Record<string, LessonText>>;
}
