import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import { renderMarkdown } from "../content/markdown.ts";
import { getLearnPage } from "./learn.service.ts";
import { findLesson, lessonIn } from "./lessons/index.ts";
import { markQuiz, readAnswers, unanswered } from "./quiz.ts";
import { LearnPage } from "./views/LearnPage.tsx";
import { LessonPage } from "./views/LessonPage.tsx";
import { QuizPage, QuizResultPage } from "./views/QuizPage.tsx";

type LessonRequest = FastifyRequest<{ Params: { lesson: string; page?: string } }>;

/** Learn: the resources, the built-in lessons page by page, and their quizzes (marked, never stored). */
export async function learnRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const lessonOf = (request: LessonRequest) => {
    const lesson = findLesson(request.params.lesson);
    if (!lesson) throw new NotFoundError();
    return { slug: lesson.slug, ...lessonIn(lesson, request.locale) };
  };

  app.get("/learn", async (request, reply) => {
    const page = await getLearnPage(deps, request.locale);
    return reply
      .header("cache-control", PUBLIC_CACHE.page)
      .page(h(LearnPage, page), { title: page.intro.title, description: page.intro.summary });
  });

  const sendLessonPage = (request: LessonRequest, reply: FastifyReply, n: number) => {
    const lesson = lessonOf(request);
    const page = lesson.text.pages[n - 1];
    if (!page) throw new NotFoundError();
    return reply
      .header("cache-control", PUBLIC_CACHE.page)
      .page(h(LessonPage, { ...lesson, page: n, body: renderMarkdown(page.body) }), {
        title: `${page.title} · ${lesson.text.title}`,
        description: lesson.text.summary,
      });
  };

  app.get("/learn/:lesson", async (request: LessonRequest, reply) => sendLessonPage(request, reply, 1));

  app.get("/learn/:lesson/:page", async (request: LessonRequest, reply) => {
    const raw = request.params.page ?? "";
    if (!/^[1-9][0-9]?$/.test(raw)) throw new NotFoundError();
    return sendLessonPage(request, reply, Number(raw));
  });

  app.get("/learn/:lesson/quiz", async (request: LessonRequest, reply) => {
    const lesson = lessonOf(request);
    return reply.page(h(QuizPage, { ...lesson, chosen: lesson.text.quiz.map(() => null), errors: [] }), {
      title: `${request.i18n.t("learn.quiz.heading")} · ${lesson.text.title}`,
    });
  });

  app.post(
    "/learn/:lesson/quiz",
    { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request: LessonRequest, reply) => {
      const lesson = lessonOf(request);
      const chosen = readAnswers(request.body, lesson.text);
      const missing = unanswered(chosen);
      const t = request.i18n.t;
      if (missing.length > 0) {
        const errors = missing.map((i) => ({ field: `q${i}`, message: t("learn.quiz.error", { number: i + 1 }) }));
        return reply.page(h(QuizPage, { ...lesson, chosen, errors }), {
          title: `${t("learn.quiz.heading")} · ${lesson.text.title}`,
          status: 400,
          hasErrors: true,
        });
      }
      const result = markQuiz(lesson.text, chosen);
      return reply.page(h(QuizResultPage, { ...lesson, ...result }), {
        title: t("learn.result.heading", { score: result.score, total: result.total }),
      });
    },
  );
}
