import { recordLessonPage, recordQuizResult, showLessonProgress } from "./lesson-progress.ts";
import { mountLiveCount } from "./live-count.ts";
import { mountProofOfWork } from "./proof-of-work.ts";
import { mountShare } from "./share.ts";
import { mountWatchRefresh } from "./watch-refresh.ts";

// Progressive enhancement only: every page works before and without this script.

/** A page that comes back with errors puts the keyboard and the screen reader on the summary. */
function focusErrorSummary() {
  const summary = document.querySelector<HTMLElement>("[data-autofocus]");
  if (summary) summary.focus();
}

/** Following a link in the error summary puts focus in the field itself, not just near it. */
function linkSummaryToFields() {
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.(".error-summary a[href^='#']");
    if (!link) return;
    const field = document.getElementById(link.getAttribute("href")?.slice(1) ?? "");
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  });
}

focusErrorSummary();
linkSummaryToFields();
for (const el of document.querySelectorAll<HTMLElement>("[data-live-count]")) mountLiveCount(el);
for (const el of document.querySelectorAll<HTMLElement>("[data-share-url]")) mountShare(el);
for (const el of document.querySelectorAll<HTMLElement>("[data-pow]")) mountProofOfWork(el);
for (const el of document.querySelectorAll<HTMLElement>("[data-watch-refresh]")) mountWatchRefresh(el);
// A lesson's page is recorded before its progress line is shown, so that it counts itself.
for (const el of document.querySelectorAll<HTMLElement>("[data-lesson-page]")) recordLessonPage(el);
for (const el of document.querySelectorAll<HTMLElement>("[data-lesson-result]")) recordQuizResult(el);
for (const el of document.querySelectorAll<HTMLElement>("[data-lesson-progress]")) showLessonProgress(el);
