import type { LessonText } from "./lessons/index.ts";

export interface QuizAnswer {
  question: string;
  options: string[];
  /** What the reader chose (an index), or null when they left it. */
  chosen: number | null;
  answer: number;
  right: boolean;
  explanation: string;
}

/** The quiz's answers as the form sent them: q0, q1… each an option's index. */
export function readAnswers(body: unknown, text: LessonText): (number | null)[] {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return text.quiz.map((q, i) => {
    const raw = b[`q${i}`];
    if (typeof raw !== "string" || !/^\d{1,2}$/.test(raw)) return null;
    const n = Number(raw);
    return n < q.options.length ? n : null;
  });
}

/**
 * Marks a quiz. Nothing is stored: the answers come in, the result goes out, and only the
 * reader's own browser may remember the score.
 */
export function markQuiz(text: LessonText, chosen: (number | null)[]) {
  const answers: QuizAnswer[] = text.quiz.map((q, i) => {
    const c = chosen[i] ?? null;
    return { ...q, chosen: c, right: c === q.answer };
  });
  return { answers, score: answers.filter((a) => a.right).length, total: answers.length };
}

/** The questions left unanswered, by index. */
export function unanswered(chosen: (number | null)[]): number[] {
  return chosen.flatMap((c, i) => (c === null ? [i] : []));
}
