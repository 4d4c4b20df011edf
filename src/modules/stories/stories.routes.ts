import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import { acceptUploads, uploadOf } from "../../http/uploads.ts";
import { MessagePage } from "../../views/MessagePage.tsx";
import { IMAGE_MAX_BYTES } from "../campaigns/image-files.ts";
import { localisedPath } from "../i18n/locales.ts";
import { findPublishedStory } from "./stories.repo.ts";
import { getStoryPage, pageOf, submitStory } from "./stories.service.ts";
import { blankStoryForm, readStoryForm } from "./story-input.ts";
import { NewStoryPage } from "./views/NewStoryPage.tsx";
import { StoriesPage } from "./views/StoriesPage.tsx";
import { StoryPage } from "./views/StoryPage.tsx";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Stories of welcome: the list, each story, and the form that sends one for moderation. */
export async function storyRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get("/stories", async (request, reply) => {
    const { stories, page, pages } = await getStoryPage(deps, pageOf(request.query));
    if (page > pages) throw new NotFoundError();
    return reply
      .header("cache-control", PUBLIC_CACHE.page)
      .page(h(StoriesPage, { stories, page, pages }), { title: request.i18n.t("stories.heading") });
  });

  app.get("/stories/new", async (request, reply) =>
    reply.page(h(NewStoryPage, { values: blankStoryForm(), errors: [] }), {
      title: request.i18n.t("stories.new.heading"),
    }),
  );

  // Multipart is understood here only, for the one public form that sends a file.
  await app.register(async (uploads) => {
    await acceptUploads(uploads, { fileSize: IMAGE_MAX_BYTES, fields: 12, fieldSize: 20_000 });
    uploads.post(
      "/stories/new",
      { config: { rateLimit: { max: 5, timeWindow: "10 minutes" } }, bodyLimit: IMAGE_MAX_BYTES + 64 * 1024 },
      async (request: FastifyRequest, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const form = readStoryForm(body);
        const outcome = await submitStory(deps, form, uploadOf(body.photo), { shownIn: request.locale });
        if (outcome.kind === "invalid") {
          const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
          return reply.page(h(NewStoryPage, { values: form, errors }), {
            title: request.i18n.t("stories.new.heading"),
            status: 400,
            hasErrors: true,
          });
        }
        return reply.redirect(localisedPath(request.locale, "/stories/new/thanks"), 303);
      },
    );
  });

  app.get("/stories/new/thanks", async (request, reply) => {
    const t = request.i18n.t;
    const back = h("p", null, h("a", { href: localisedPath(request.locale, "/stories") }, t("stories.all")));
    return reply.page(
      h(MessagePage, { heading: t("stories.thanks.heading"), paragraphs: [t("stories.thanks.text")], children: back }),
      { title: t("stories.thanks.heading") },
    );
  });

  app.get<{ Params: { slug: string } }>("/stories/:slug", async (request, reply) => {
    const slug = request.params.slug;
    const story = SLUG.test(slug) ? await findPublishedStory(deps.db, slug) : undefined;
    if (!story) throw new NotFoundError();
    return reply
      .header("cache-control", PUBLIC_CACHE.page)
      .page(h(StoryPage, { story }), { title: story.title, description: story.body.slice(0, 160) });
  });
}
