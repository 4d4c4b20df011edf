import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { Form } from "../../views/Form.tsx";
import { MessagePage } from "../../views/MessagePage.tsx";
import { localisedPath } from "../i18n/locales.ts";
import {
  isManageLinkValid,
  isManageTarget,
  type ManageTarget,
  requestManageLink,
  useManageLink,
} from "./manage.service.ts";
import { MANAGE_COOKIE, MANAGE_SESSION_MS, manageCookieValue, supporterOfManageCookie } from "./manage-session.ts";
import { getPreferences, readPreferencesForm, savePreferences } from "./preferences.service.ts";
import { listTopics } from "./topics.repo.ts";
import { AskForLinkPage, PreferencesPage, YourDataPage } from "./views/ManagePages.tsx";
import { eraseSupporter, exportSupporterData } from "./your-data.service.ts";

/**
 * Where supporters see and change what is held about them. They have no password: a link
 * sent to their address signs them in for an hour (a signed cookie holding their id).
 */
export async function manageRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const secret = deps.config.secretKey;
  const secure = deps.config.nodeEnv === "production";
  const at = (request: FastifyRequest, path: string) => localisedPath(request.locale, path);
  // Null for no cookie, an altered or outlived one, and one whose supporter's row is gone.
  const signedIn = (request: FastifyRequest) =>
    supporterOfManageCookie(deps.db, secret, request.cookies[MANAGE_COOKIE]);
  const limit = { rateLimit: { max: 10, timeWindow: "10 minutes" } };

  function askForLink(request: FastifyRequest, reply: FastifyReply, target: ManageTarget) {
    const t = request.i18n.t;
    const heading = t(target === "your-data" ? "yourData.heading" : "preferences.heading");
    const text = t(target === "your-data" ? "yourData.ask" : "preferences.ask");
    const sent = (request.query as Record<string, unknown>).sent === "1";
    return reply
      .header("cache-control", "private, no-store")
      .page(h(AskForLinkPage, { heading, text, action: at(request, `/${target}/link`), sent }), { title: heading });
  }

  for (const target of ["preferences", "your-data"] as const) {
    app.post(`/${target}/link`, { config: limit }, async (request, reply) => {
      await requestManageLink(deps, ((request.body ?? {}) as Record<string, unknown>).email, target);
      return reply.redirect(`${at(request, `/${target}`)}?sent=1`, 303);
    });
  }

  // Opening the emailed link changes nothing (mail scanners open links); its button signs in.
  app.get("/manage", async (request, reply) => {
    const { token, next } = request.query as Record<string, unknown>;
    const t = request.i18n.t;
    reply.header("cache-control", "private, no-store").header("referrer-policy", "strict-origin");
    if (!(await isManageLinkValid(deps, token)) || !isManageTarget(next)) {
      return reply.page(h(MessagePage, { heading: t("confirm.invalid.heading"), paragraphs: [t("manage.invalid")] }), {
        title: t("confirm.invalid.heading"),
        status: 410,
      });
    }
    const form = h(Form, {
      action: at(request, "/manage"),
      children: [
        h("input", { type: "hidden", name: "token", value: String(token) }),
        h("input", { type: "hidden", name: "next", value: next }),
        h("button", { type: "submit", class: "button button--large" }, t("manage.continue")),
      ],
    });
    return reply.page(
      h(MessagePage, { heading: t("manage.heading"), paragraphs: [t("manage.text")], children: form }),
      {
        title: t("manage.heading"),
      },
    );
  });

  app.post("/manage", { config: limit }, async (request, reply) => {
    const { token, next } = (request.body ?? {}) as Record<string, unknown>;
    // A request that goes wrong must not use the link up.
    const supporterId = isManageTarget(next) ? await useManageLink(deps, token) : null;
    const cookie = supporterId === null ? null : await manageCookieValue(deps.db, secret, supporterId);
    const t = request.i18n.t;
    if (cookie === null || !isManageTarget(next)) {
      return reply.page(h(MessagePage, { heading: t("confirm.invalid.heading"), paragraphs: [t("manage.invalid")] }), {
        title: t("confirm.invalid.heading"),
        status: 410,
      });
    }
    reply.setCookie(MANAGE_COOKIE, cookie, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure,
      maxAge: MANAGE_SESSION_MS / 1000,
    });
    return reply.redirect(at(request, `/${next}`), 303);
  });

  app.get("/preferences", async (request, reply) => {
    const supporterId = await signedIn(request);
    if (supporterId === null) return askForLink(request, reply, "preferences");
    const values = await getPreferences(deps, supporterId);
    if (!values) return askForLink(request, reply, "preferences");
    const topics = await listTopics(deps.db, request.locale);
    const saved = (request.query as Record<string, unknown>).saved === "1";
    return reply
      .header("cache-control", "private, no-store")
      .page(h(PreferencesPage, { values, topics, saved, errors: [] }), {
        title: request.i18n.t("preferences.heading"),
      });
  });

  app.post("/preferences", { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } }, async (request, reply) => {
    const supporterId = await signedIn(request);
    if (supporterId === null) return askForLink(request, reply, "preferences");
    const form = readPreferencesForm(request.body);
    if (!(await savePreferences(deps, supporterId, form, request.locale))) {
      const values = await getPreferences(deps, supporterId);
      if (!values) return askForLink(request, reply, "preferences");
      const topics = await listTopics(deps.db, request.locale);
      const errors = [{ field: "language", message: request.i18n.t("preferences.invalid") }];
      return reply.code(400).page(h(PreferencesPage, { values, topics, saved: false, errors }), {
        title: request.i18n.t("preferences.heading"),
        status: 400,
        hasErrors: true,
      });
    }
    // The page comes back in the language just chosen.
    return reply.redirect(`${localisedPath(form.language as never, "/preferences")}?saved=1`, 303);
  });

  app.get("/your-data", async (request, reply) => {
    if ((await signedIn(request)) === null) return askForLink(request, reply, "your-data");
    const confirmErase = (request.query as Record<string, unknown>).erase === "1";
    return reply
      .header("cache-control", "private, no-store")
      .page(h(YourDataPage, { confirmErase }), { title: request.i18n.t("yourData.heading") });
  });

  app.get("/your-data/export.json", async (request, reply) => {
    const supporterId = await signedIn(request);
    const data = supporterId === null ? null : await exportSupporterData(deps, supporterId);
    if (!data) return reply.code(401).send({ error: { status: 401, message: request.i18n.t("manage.signInFirst") } });
    return reply
      .header("cache-control", "private, no-store")
      .header("content-disposition", 'attachment; filename="iwelcome-my-data.json"')
      .send(data);
  });

  app.post("/your-data/erase", { config: limit }, async (request, reply) => {
    const supporterId = await signedIn(request);
    if (supporterId === null) return askForLink(request, reply, "your-data");
    if (((request.body ?? {}) as Record<string, unknown>).confirm !== "yes") {
      return reply.redirect(`${at(request, "/your-data")}?erase=1`, 303);
    }
    await eraseSupporter(deps, supporterId);
    reply.clearCookie(MANAGE_COOKIE, { path: "/" });
    const t = request.i18n.t;
    return reply.page(
      h(MessagePage, {
        heading: t("yourData.erased.heading"),
        paragraphs: [t("yourData.erased.text"), t("mail.erased.signatures")],
      }),
      { title: t("yourData.erased.heading") },
    );
  });
}
