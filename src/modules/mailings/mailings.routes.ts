import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { bodyOf, doneOf, idParam } from "../admin/campaign-route-helpers.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { listTopics } from "../community/topics.repo.ts";
import { localisedPath } from "../i18n/locales.ts";
import { suppressFromAdmin, unsuppressFromAdmin } from "../mail/suppression.service.ts";
import { countSuppressions } from "../mail/suppressions.repo.ts";
import { mailingFootnotes, sampleUnsubscribe, writeMailing } from "./mailing-mail.ts";
import { findMailing, listMailings, petitionChoices, progressOf } from "./mailings.repo.ts";
import {
  blankForm,
  countRecipients,
  createMailing,
  formOf,
  type MailingForm,
  pauseMailing,
  readMailingForm,
  resumeMailing,
  sendMailing,
  sendTestMailing,
  unscheduleMailing,
  updateMailing,
} from "./mailings.service.ts";
import {
  MailingListPage,
  MailingPage,
  MailingPreviewPage,
  NewMailingPage,
  SuppressionsPage,
} from "./views/MailingsPages.tsx";

const WRITE_LIMIT = { config: { rateLimit: { max: 60, timeWindow: "1 minute" } } };
/** A test goes to one's own address: a few a minute is plenty. */
const TEST_LIMIT = { config: { rateLimit: { max: 5, timeWindow: "1 minute" } } };

const back = (request: FastifyRequest, path: string, done: string) =>
  `${localisedPath(request.locale, path)}?done=${done}`;

/** The mailings area: writing, checking and sending mailings, and the suppression list. */
export const mailingRoutes: StaffRoutes = (app, deps) => {
  const choices = async (locale: string) => ({
    petitions: await petitionChoices(deps.db),
    topics: (await listTopics(deps.db, locale)).map((t) => ({ id: t.id, name: t.name })),
  });

  const mailingOf = async (request: FastifyRequest) => {
    const mailing = await findMailing(deps.db, idParam(request));
    if (!mailing) throw new NotFoundError();
    return mailing;
  };

  const showMailing = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { form?: MailingForm; errors?: FieldError[]; sendErrors?: FieldError[]; sendAt?: string } = {},
  ) => {
    const staff = requireArea(request, "mailings");
    const mailing = await mailingOf(request);
    const errors = options.errors ?? [];
    const sendErrors = options.sendErrors ?? [];
    const [reach, progress] = await Promise.all([countRecipients(deps, mailing), progressOf(deps.db, mailing.id)]);
    const failed = errors.length + sendErrors.length > 0;
    return reply.page(
      h(MailingPage, {
        staff: viewerOf(staff),
        mailing,
        form: options.form ?? formOf(mailing),
        errors,
        sendErrors,
        sendAt: options.sendAt ?? "",
        choices: await choices(request.locale),
        reach,
        progress,
        done: doneOf(request),
      }),
      { title: mailing.subject, status: failed ? 400 : 200, hasErrors: failed },
    );
  };

  const fieldErrors = (
    request: FastifyRequest,
    problems: { field: string; message: Parameters<typeof request.i18n.t>[0] }[],
  ) => problems.map((p) => ({ field: p.field, message: request.i18n.t(p.message) }));

  app.get("/admin/mailings", async (request, reply) => {
    const staff = requireArea(request, "mailings");
    const mailings = await listMailings(deps.db);
    const withProgress = await Promise.all(
      mailings.map(async (m) => ({ ...m, progress: await progressOf(deps.db, m.id) })),
    );
    return reply.page(h(MailingListPage, { staff: viewerOf(staff), mailings: withProgress }), {
      title: request.i18n.t("admin.mailings.heading"),
    });
  });

  app.get("/admin/mailings/new", async (request, reply) => {
    const staff = requireArea(request, "mailings");
    return reply.page(
      h(NewMailingPage, {
        staff: viewerOf(staff),
        form: blankForm(request.locale),
        errors: [],
        choices: await choices(request.locale),
      }),
      { title: request.i18n.t("admin.mailings.new") },
    );
  });

  app.post("/admin/mailings", WRITE_LIMIT, async (request, reply) => {
    const staff = requireArea(request, "mailings");
    const { form, problems } = readMailingForm(bodyOf(request));
    if (problems.length > 0) {
      return reply.page(
        h(NewMailingPage, {
          staff: viewerOf(staff),
          form,
          errors: fieldErrors(request, problems),
          choices: await choices(request.locale),
        }),
        { title: request.i18n.t("admin.mailings.new"), status: 400, hasErrors: true },
      );
    }
    const id = await createMailing(deps, staff.user.id, form);
    return reply.redirect(back(request, `/admin/mailings/${id}`, "saved"), 303);
  });

  app.get("/admin/mailings/suppressions", async (request, reply) => {
    const staff = requireArea(request, "mailings");
    return reply.page(
      h(SuppressionsPage, {
        staff: viewerOf(staff),
        counts: await countSuppressions(deps.db),
        errors: [],
        done: doneOf(request),
      }),
      { title: request.i18n.t("admin.mailings.suppressions.heading") },
    );
  });

  const suppressionErrorPage = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => {
    const staff = requireArea(request, "mailings");
    return reply.page(
      h(SuppressionsPage, { staff: viewerOf(staff), counts: await countSuppressions(deps.db), errors, done: null }),
      { title: request.i18n.t("admin.mailings.suppressions.heading"), status: 400, hasErrors: true },
    );
  };

  app.post("/admin/mailings/suppressions", WRITE_LIMIT, async (request, reply) => {
    const staff = requireArea(request, "mailings");
    const body = bodyOf(request);
    const outcome = await suppressFromAdmin(deps, staff.user.id, { email: body.email, reason: body.reason });
    if (!outcome.ok) {
      const message = request.i18n.t(
        outcome.field === "email"
          ? "admin.mailings.suppressions.error.email"
          : "admin.mailings.suppressions.error.reason",
      );
      return suppressionErrorPage(request, reply, [{ field: outcome.field, message }]);
    }
    return reply.redirect(back(request, "/admin/mailings/suppressions", outcome.added ? "added" : "already"), 303);
  });

  app.post("/admin/mailings/suppressions/remove", WRITE_LIMIT, async (request, reply) => {
    const staff = requireArea(request, "mailings");
    const outcome = await unsuppressFromAdmin(deps, staff.user.id, bodyOf(request).removeEmail);
    if (!outcome.ok) {
      const message = request.i18n.t("admin.mailings.suppressions.error.email");
      return suppressionErrorPage(request, reply, [{ field: "removeEmail", message }]);
    }
    return reply.redirect(back(request, "/admin/mailings/suppressions", outcome.removed ? "removed" : "absent"), 303);
  });

  app.get("/admin/mailings/:id", async (request, reply) => showMailing(request, reply));

  app.post("/admin/mailings/:id", WRITE_LIMIT, async (request, reply) => {
    const staff = requireArea(request, "mailings");
    const mailing = await mailingOf(request);
    const { form, problems } = readMailingForm(bodyOf(request));
    if (problems.length > 0) return showMailing(request, reply, { form, errors: fieldErrors(request, problems) });
    const saved = await updateMailing(deps, staff.user.id, mailing.id, form);
    return reply.redirect(back(request, `/admin/mailings/${mailing.id}`, saved ? "saved" : "stale"), 303);
  });

  app.get("/admin/mailings/:id/preview", async (request, reply) => {
    const staff = requireArea(request, "mailings");
    const mailing = await mailingOf(request);
    const unsubscribe = sampleUnsubscribe(deps, mailing.locale);
    const { text } = writeMailing(mailing, unsubscribe);
    const footnotes = mailingFootnotes(mailing.locale, unsubscribe.link);
    return reply.page(h(MailingPreviewPage, { staff: viewerOf(staff), mailing, text, footnotes }), {
      title: request.i18n.t("admin.mailings.previewHeading"),
    });
  });

  // The HTML part exactly as sent, alone and in a sandbox: nothing in it can run.
  app.get("/admin/mailings/:id/preview.html", async (request, reply) => {
    requireArea(request, "mailings");
    const mailing = await mailingOf(request);
    const { html } = writeMailing(mailing, sampleUnsubscribe(deps, mailing.locale));
    return reply
      .header("content-security-policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
      .type("text/html; charset=utf-8")
      .send(html);
  });

  app.post("/admin/mailings/:id/test", TEST_LIMIT, async (request, reply) => {
    const staff = requireArea(request, "mailings");
    const mailing = await mailingOf(request);
    await sendTestMailing(deps, staff.user.id, mailing.id);
    return reply.redirect(back(request, `/admin/mailings/${mailing.id}`, "tested"), 303);
  });

  app.post("/admin/mailings/:id/send", WRITE_LIMIT, async (request, reply) => {
    const staff = requireArea(request, "mailings");
    const mailing = await mailingOf(request);
    const body = bodyOf(request);
    const sendAt = typeof body.sendAt === "string" ? body.sendAt.trim() : "";
    const when = body.when === "later" ? ({ at: "later", sendAt } as const) : ({ at: "now" } as const);
    const problem = await sendMailing(deps, staff.user.id, mailing.id, when);
    if (problem === "send-at" || problem === "send-at-past") {
      const key = problem === "send-at" ? "admin.mailings.error.sendAt" : "admin.mailings.error.sendAtPast";
      return showMailing(request, reply, { sendErrors: [{ field: "sendAt", message: request.i18n.t(key) }], sendAt });
    }
    const done = problem === "stale" ? "stale" : when.at === "now" ? "sending" : "scheduled";
    return reply.redirect(back(request, `/admin/mailings/${mailing.id}`, done), 303);
  });

  const move =
    (action: typeof unscheduleMailing, done: string) => async (request: FastifyRequest, reply: FastifyReply) => {
      const staff = requireArea(request, "mailings");
      const mailing = await mailingOf(request);
      const moved = await action(deps, staff.user.id, mailing.id);
      return reply.redirect(back(request, `/admin/mailings/${mailing.id}`, moved ? done : "stale"), 303);
    };
  app.post("/admin/mailings/:id/unschedule", WRITE_LIMIT, move(unscheduleMailing, "unscheduled"));
  app.post("/admin/mailings/:id/pause", WRITE_LIMIT, move(pauseMailing, "paused"));
  app.post("/admin/mailings/:id/resume", WRITE_LIMIT, move(resumeMailing, "resumed"));
};
