import type { FastifyInstance } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { isLoopbackPeer } from "../../http/network.ts";
import { clearDevMail, findDevMail, listDevMail } from "./dev-mailbox.repo.ts";
import { MailboxPage } from "./views/MailboxPage.tsx";

/**
 * The development mailbox: registered only while no SMTP_URL is set and never in
 * production, and it answers only clients on this machine.
 */
export async function mailboxRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.addHook("onRequest", async (request) => {
    if (!isLoopbackPeer(request)) throw new NotFoundError();
  });

  app.get("/dev/mailbox", async (request, reply) => {
    const messages = await listDevMail(deps.db);
    return reply
      .header("cache-control", "no-store")
      .page(h(MailboxPage, { messages }), { title: request.i18n.t("mailbox.heading") });
  });

  app.get("/dev/mailbox.json", async (_request, reply) => {
    const messages = await listDevMail(deps.db);
    return reply.header("cache-control", "no-store").send({ messages });
  });

  // The HTML part of one message, shown alone in a sandbox: no script in it can run.
  app.get<{ Params: { id: string } }>("/dev/mailbox/:id.html", async (request, reply) => {
    const id = Number(request.params.id);
    const mail = Number.isSafeInteger(id) && id > 0 ? await findDevMail(deps.db, id) : undefined;
    if (!mail?.html) throw new NotFoundError();
    return reply
      .header("content-security-policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(mail.html);
  });

  app.post(
    "/dev/mailbox/clear",
    { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (_request, reply) => {
      await clearDevMail(deps.db);
      return reply.redirect("/dev/mailbox", 303);
    },
  );
}
