import type { FastifyInstance } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { getCommentsPage } from "./comments.service.ts";
import { CommentsPage } from "./views/Comments.tsx";

/** "Why people signed": every approved comment of a campaign, newest first, a page at a time. */
export async function commentRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get<{ Params: { slug: string } }>("/campaigns/:slug/comments", async (request, reply) => {
    const view = await getCommentsPage(
      deps,
      request.params.slug,
      request.locale,
      (request.query as Record<string, unknown>).page,
    );
    return reply.page(h(CommentsPage, view), {
      title: request.i18n.t("petition.comments.pageTitle", { title: view.campaign.title }),
    });
  });
}
