import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { networkHash } from "../../http/network.ts";
import { Form } from "../../views/Form.tsx";
import { MessagePage } from "../../views/MessagePage.tsx";
import { getContentPage, PAGE_SLUGS } from "../content/content.service.ts";
import { guessCountry } from "../i18n/countries.ts";
import { localisedPath } from "../i18n/locales.ts";
import { confirmJoin, describeJoinConfirmation, requestJoin } from "./join.service.ts";
import { type JoinForm, readJoinForm } from "./join-input.ts";
import { listTopics } from "./topics.repo.ts";
import { isUnsubscribeToken, unsubscribe } from "./unsubscribe.service.ts";
import { JoinPage } from "./views/JoinPage.tsx";

const LINK_STATUS = { valid: 200, used: 410, expired: 410, unknown: 404 } as const;

export async function communityRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const secret = deps.config.secretKey;
  const at = (request: FastifyRequest, path: string) => localisedPath(request.locale, path);

  async function sendJoinPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form?: JoinForm,
    errors = [],
    status = 200,
  ) {
    const [intro, topics] = await Promise.all([
      getContentPage(deps, PAGE_SLUGS.join, request.locale),
      listTopics(deps.db, request.locale),
    ]);
    const values = form ?? {
      name: "",
      email: "",
      country: guessCountry(request.headers["accept-language"], request.locale) ?? "",
      language: request.locale,
      topics: [],
      updates: false,
    };
    return reply.page(h(JoinPage, { intro, topics, values, errors }), {
      title: intro.title,
      description: intro.summary,
      status,
      hasErrors: errors.length > 0,
    });
  }

  app.get("/join", async (request, reply) => sendJoinPage(request, reply));

  app.post("/join", { config: { rateLimit: { max: 10, timeWindow: "10 minutes" } } }, async (request, reply) => {
    const form = readJoinForm(request.body);
    const outcome = await requestJoin(deps, form, {
      source: "join",
      networkHash: networkHash(secret, request.ip),
      shownIn: request.locale,
    });
    if (outcome.kind === "invalid") {
      const errors = outcome.problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));
      return sendJoinPage(request, reply, form, errors as never, 400);
    }
    return reply.redirect(at(request, "/join/check-email"), 303);
  });

  app.get("/join/check-email", async (request, reply) => {
    const t = request.i18n.t;
    return reply.page(
      h(MessagePage, { heading: t("join.checkEmail.heading"), paragraphs: [t("join.checkEmail.text")] }),
      {
        title: t("join.checkEmail.heading"),
      },
    );
  });

  app.get("/join/confirm", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).token;
    const state = await describeJoinConfirmation(deps, token);
    const t = request.i18n.t;
    reply.header("cache-control", "private, no-store").header("referrer-policy", "strict-origin");
    if (state !== "valid") {
      return reply.page(
        h(MessagePage, { heading: t("confirm.invalid.heading"), paragraphs: [t("join.confirm.invalid")] }),
        { title: t("confirm.invalid.heading"), status: LINK_STATUS[state] },
      );
    }
    const form = h(Form, {
      action: at(request, "/join/confirm"),
      children: [
        h("input", { type: "hidden", name: "token", value: typeof token === "string" ? token : "" }),
        h("button", { type: "submit", class: "button button--large" }, t("join.confirm.button")),
      ],
    });
    return reply.page(
      h(MessagePage, { heading: t("join.confirm.heading"), paragraphs: [t("join.confirm.text")], children: form }),
      { title: t("join.confirm.heading") },
    );
  });

  app.post("/join/confirm", { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } }, async (request, reply) => {
    const state = await confirmJoin(deps, ((request.body ?? {}) as Record<string, unknown>).token);
    if (state === "valid" || state === "used") return reply.redirect(at(request, "/join/welcome"), 303);
    const t = request.i18n.t;
    return reply.page(
      h(MessagePage, { heading: t("confirm.invalid.heading"), paragraphs: [t("join.confirm.invalid")] }),
      { title: t("confirm.invalid.heading"), status: LINK_STATUS[state] },
    );
  });

  app.get("/join/welcome", async (request, reply) => {
    const t = request.i18n.t;
    const next = h("p", null, h("a", { class: "button", href: at(request, "/take-action") }, t("join.welcome.button")));
    return reply.page(
      h(MessagePage, { heading: t("join.welcome.heading"), paragraphs: [t("join.welcome.text")], children: next }),
      { title: t("join.welcome.heading") },
    );
  });

  // The link in an email opens a page with one button: a mail scanner that opens links
  // must not unsubscribe anyone. The button, and the mail program's own one-click POST
  // (RFC 8058), unsubscribe at once.
  app.get("/unsubscribe", async (request, reply) => {
    const token = (request.query as Record<string, unknown>).u;
    if (!(await isUnsubscribeToken(deps, token))) throw new NotFoundError("dead-link");
    const t = request.i18n.t;
    const form = h(
      "form",
      { method: "post", action: `${at(request, "/unsubscribe")}?u=${encodeURIComponent(String(token))}` },
      h("button", { type: "submit", class: "button button--large" }, t("unsubscribe.button")),
    );
    return reply
      .header("cache-control", "private, no-store")
      .header("referrer-policy", "strict-origin")
      .page(
        h(MessagePage, { heading: t("unsubscribe.heading"), paragraphs: [t("unsubscribe.text")], children: form }),
        {
          title: t("unsubscribe.heading"),
        },
      );
  });

  // RFC 8058 asks mail programs to send the one-click POST as multipart/form-data (form
  // encoding is allowed too): read just its one field here, in this plugin's routes only.
  app.addContentTypeParser("multipart/form-data", { parseAs: "string", bodyLimit: 4096 }, (_request, body, done) => {
    const oneClick = /name="List-Unsubscribe"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\nOne-Click\r?\n/.test(String(body));
    done(null, oneClick ? { "List-Unsubscribe": "One-Click" } : {});
  });

  app.post(
    "/unsubscribe",
    { config: { csrf: false, rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const oneClick = body["List-Unsubscribe"] === "One-Click";
      const done = await unsubscribe(
        deps,
        (request.query as Record<string, unknown>).u,
        oneClick ? "one-click" : "unsubscribe-page",
      );
      if (!done) throw new NotFoundError("dead-link");
      const t = request.i18n.t;
      return reply.header("cache-control", "no-store").page(
        h(MessagePage, {
          heading: t("unsubscribe.done.heading"),
          paragraphs: [t("unsubscribe.done.text"), t("unsubscribe.done.signatures")],
        }),
        { title: t("unsubscribe.done.heading") },
      );
    },
  );
}
