// A lesson's progress, kept on this device only (localStorage): the pages read and the last
// quiz score. Nothing of it is sent anywhere. Without JavaScript, or with storage blocked,
// lessons and quizzes work the same and no progress is shown.

interface Progress {
  pages: number[];
  score?: number;
}

const keyOf = (slug: string) => `iwelcome.lesson.${slug}`;

function load(slug: string): Progress {
  try {
    const raw = JSON.parse(localStorage.getItem(keyOf(slug)) ?? "null") as Partial<Progress> | null;
    const pages = Array.isArray(raw?.pages) ? raw.pages.filter((n): n is number => Number.isInteger(n)) : [];
    return typeof raw?.score === "number" ? { pages, score: raw.score } : { pages };
  } catch {
    return { pages: [] };
  }
}

function save(slug: string, progress: Progress) {
  try {
    localStorage.setItem(keyOf(slug), JSON.stringify(progress));
  } catch {
    // Storage full or blocked: progress is a convenience, never a requirement.
  }
}

/** On a lesson page: remembers that this page was read. */
export function recordLessonPage(el: HTMLElement) {
  const slug = el.dataset.lesson ?? "";
  const page = Number(el.dataset.lessonPage);
  if (!slug || !Number.isInteger(page)) return;
  const progress = load(slug);
  if (!progress.pages.includes(page)) progress.pages.push(page);
  save(slug, progress);
}

/** On a quiz's result: remembers the score. */
export function recordQuizResult(el: HTMLElement) {
  const slug = el.dataset.lessonResult ?? "";
  const score = Number(el.dataset.score);
  if (!slug || !Number.isInteger(score)) return;
  save(slug, { ...load(slug), score });
}

/** Shows what this device remembers, in the sentences the page wrote for each case. */
export function showLessonProgress(el: HTMLElement) {
  const slug = el.dataset.lessonProgress ?? "";
  const total = Number(el.dataset.pages);
  const progress = load(slug);
  const read = progress.pages.filter((n) => n >= 1 && n <= total).length;
  const parts: string[] = [];
  if (read > 0) parts.push(el.getAttribute(`data-read-${read}`) ?? "");
  if (progress.score !== undefined) parts.push(el.getAttribute(`data-score-${progress.score}`) ?? "");
  const text = parts.filter(Boolean).join(" ");
  if (!text) return;
  el.textContent = text;
  el.hidden = false;
}
