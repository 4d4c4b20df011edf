import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h, type VNode } from "preact";
import type { Db } from "../../db/index.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { backTo, doneOf, errorsOf, idParam, WRITE_LIMIT } from "../admin/campaign-route-helpers.ts";
import { requireArea, type StaffViewer, viewerOf } from "../admin/staff-area.ts";
import type { I18n, MessageKey } from "../i18n/i18n.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/locales.ts";
import type { SaveOutcome } from "./entry-store.ts";
import { type EntryEditor, EntryEditPage } from "./views/EntryFields.tsx";

const DONE = {
  added: "admin.entry.done.added",
  saved: "admin.entry.done.saved",
  deleted: "admin.entry.done.deleted",
} as const;

/** What the last write did, said on the page it came back to. */
export function noticeOf(request: FastifyRequest, i18n: I18n): string | null {
  const done = doneOf(request);
  return done && Object.hasOwn(DONE, done) ? i18n.t(DONE[done as keyof typeof DONE]) : null;
}

// biome-ignore lint/suspicious/noExplicitAny: any page component's props, as reply.page takes them
type Page = VNode<any>;

/**
 * The language of a list kept per language: the one of the form sent back, or the one asked
 * for (?locale=), or the default.
 */
export function listLocale(request: FastifyRequest, form: { locale: string } | undefined): Locale {
  const asked = (request.query as Record<string, unknown>).locale;
  if (form?.locale && isLocale(form.locale)) return form.locale;
  return typeof asked === "string" && isLocale(asked) ? asked : DEFAULT_LOCALE;
}

/** What the list page of a kind of entry is given to show. */
export interface EntryListView<Form> {
  request: FastifyRequest;
  staff: StaffViewer;
  /** The form as sent (with its errors), or none for a blank one. */
  form: Form | undefined;
  errors: FieldError[];
  notice: string | null;
}

/** What an entry's page is given to show. */
export interface EntryView<Form> {
  staff: StaffViewer;
  id: number;
  form: Form;
  errors: FieldError[];
}

/**
 * A list that campaigners of the content area edit entry by entry (take-action items, Learn
 * resources, figures): the list with a form that adds one at `path`, each entry's page at
 * `path/:id`, and deleting one at `path/:id/delete`; after a write, the list again.
 */
export interface EntryAdmin<Form extends Record<keyof Form, string>, Entry> {
  path: string;
  read(body: unknown): Form;
  formOf(entry: Entry): Form;
  find(db: Db, id: number): Promise<Entry | undefined>;
  save(deps: Deps, staffUserId: number, id: number | null, form: Form): Promise<SaveOutcome>;
  remove(deps: Deps, staffUserId: number, id: number): Promise<Entry>;
  list: { title: MessageKey; page(view: EntryListView<Form>): Promise<Page> };
  /** An entry's page: the usual one (its form and a delete button), or a page of its own. */
  one: EntryEditor<Form> | { title: MessageKey; page(view: EntryView<Form>): Page };
  /**
   * What the address of the list adds to its query after a write, "&locale=en" (the part of
   * the list the entry is in); by default the usual page's `listQuery`.
   */
  query?(form: Form): string;
}

/** A page with a form: 400 and "Error:" in its title when the form came back with errors. */
function formPage(reply: FastifyReply, page: Page, title: string, errors: FieldError[]) {
  return reply.page(page, { title, status: errors.length > 0 ? 400 : 200, hasErrors: errors.length > 0 });
}

export function entryAdminRoutes<Form extends Record<keyof Form, string>, Entry>(
  app: FastifyInstance,
  deps: Deps,
  admin: EntryAdmin<Form, Entry>,
) {
  const { path, one } = admin;
  const query = (form: Form) => {
    if (admin.query) return admin.query(form);
    const part = "fields" in one ? one.listQuery?.(form) : undefined;
    return part ? `&${part}` : "";
  };
  const back = (request: FastifyRequest, done: keyof typeof DONE, form: Form) =>
    `${backTo(request, path, done)}${query(form)}`;
  const onePage = (view: EntryView<Form>) =>
    "fields" in one ? h(EntryEditPage<Form>, { ...view, path, editor: one }) : one.page(view);

  const sendList = async (request: FastifyRequest, reply: FastifyReply, form?: Form, errors: FieldError[] = []) => {
    const staff = viewerOf(requireArea(request, "content"));
    const page = await admin.list.page({ request, staff, form, errors, notice: noticeOf(request, request.i18n) });
    return formPage(reply, page, request.i18n.t(admin.list.title), errors);
  };

  const sendOne = async (request: FastifyRequest, reply: FastifyReply, form?: Form, errors: FieldError[] = []) => {
    const staff = viewerOf(requireArea(request, "content"));
    const id = idParam(request);
    const entry = await admin.find(deps.db, id);
    if (!entry) throw new NotFoundError();
    const page = onePage({ staff, id, form: form ?? admin.formOf(entry), errors });
    return formPage(reply, page, request.i18n.t("fields" in one ? one.heading : one.title), errors);
  };

  app.get(path, async (request, reply) => sendList(request, reply));

  app.post(path, { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const form = admin.read(request.body);
    const outcome = await admin.save(deps, staff.user.id, null, form);
    if (!outcome.ok) return sendList(request, reply, form, errorsOf(request.i18n, outcome.problems));
    return reply.redirect(back(request, "added", form), 303);
  });

  app.get(`${path}/:id`, async (request, reply) => sendOne(request, reply));

  app.post(`${path}/:id`, { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const form = admin.read(request.body);
    const outcome = await admin.save(deps, staff.user.id, idParam(request), form);
    if (!outcome.ok) return sendOne(request, reply, form, errorsOf(request.i18n, outcome.problems));
    return reply.redirect(back(request, "saved", form), 303);
  });

  app.post(`${path}/:id/delete`, { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const removed = await admin.remove(deps, staff.user.id, idParam(request));
    return reply.redirect(back(request, "deleted", admin.formOf(removed)), 303);
  });
}
