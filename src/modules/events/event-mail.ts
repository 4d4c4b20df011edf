import type { Deps } from "../../deps.ts";
import { i18nFor } from "../i18n/i18n.ts";
import { asLocale, localisedPath } from "../i18n/locales.ts";
import { greeting, idIn, siteUrl, tokenLink } from "../mail/compose-parts.ts";
import { renderEmail } from "../mail/email.tsx";
import type { MailComposer, MailKind } from "../mail/mail-kinds.ts";
import { attendanceKey } from "./attendance-key.ts";
import { eventPlace, eventWhen } from "./event-format.ts";
import { MAIL_EVENT_CANCELLED, MAIL_EVENT_CHANGED } from "./events-admin.service.ts";
import { MAIL_EVENT_REMINDER } from "./reminders.ts";
import { MAIL_RSVP_CONFIRM, MAIL_RSVP_PLACE, MAIL_RSVP_PROMOTED, takesRsvps } from "./rsvp.service.ts";

/** An RSVP with its event and the attendee's address (none once erased). */
async function rsvpToWrite(deps: Deps, payload: unknown) {
  const row = await deps.db
    .selectFrom("event_rsvps as r")
    .innerJoin("events as e", "e.id", "r.event_id")
    .innerJoin("supporters as s", "s.id", "r.supporter_id")
    .select([
      "r.id",
      "r.name",
      "r.locale",
      "r.status",
      "r.reminders",
      "r.created_at",
      "s.email",
      "e.slug",
      "e.title",
      "e.starts_at",
      "e.ends_at",
      "e.time_zone",
      "e.online",
      "e.town",
      "e.country",
      "e.location",
      "e.status as event_status",
      "e.sequence",
    ])
    .where("r.id", "=", idIn(payload, "rsvpId"))
    .where("s.erased_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const i18n = i18nFor(asLocale(row.locale));
  const key = attendanceKey(deps.config.secretKey, row);
  const attendance = `${siteUrl(deps, localisedPath(i18n.locale, "/events/attendance"))}?a=${key}`;
  const calendar = `${siteUrl(deps, "/events/attendance/calendar.ics")}?a=${key}`;
  const details = {
    title: row.title,
    when: eventWhen(i18n, row),
    place: eventPlace(i18n, row),
  };
  return { row, i18n, attendance, calendar, details };
}

type Found = NonNullable<Awaited<ReturnType<typeof rsvpToWrite>>>;

/** The paragraphs every email about a place says: what, when, and the exact address or link. */
function placeParagraphs(f: Found): string[] {
  const t = f.i18n.t;
  return [
    t("mail.events.when", { when: f.details.when, place: f.details.place }),
    t(f.row.online === 1 ? "mail.events.link" : "mail.events.address", { location: f.row.location }),
    t("mail.events.calendar", { link: f.calendar }),
  ];
}

const composeConfirm: MailComposer = async (deps, payload) => {
  const f = await rsvpToWrite(deps, payload);
  if (!f || f.row.status === "cancelled" || !takesRsvps({ status: f.row.event_status, starts_at: f.row.starts_at })) {
    return null;
  }
  const t = f.i18n.t;
  const hello = greeting(f.i18n, f.row.name);
  if (f.row.status !== "pending") {
    // Someone typed an address that already has a reply: its owner gets their own link again.
    const mail = renderEmail(f.i18n, {
      subject: t("mail.events.already.subject", { title: f.row.title }),
      paragraphs: [hello, t("mail.events.already.body", { title: f.row.title })],
      action: { label: t("mail.events.manage"), url: f.attendance },
      footnotes: [t("mail.events.notYou")],
    });
    return { to: f.row.email, ...mail };
  }
  const link = await tokenLink(deps, "confirm-rsvp", f.row.id, f.i18n.locale, "/events/rsvp/confirm");
  const mail = renderEmail(f.i18n, {
    subject: t("mail.events.confirm.subject", { title: f.row.title }),
    paragraphs: [hello, t("mail.events.confirm.body", f.details)],
    action: { label: t("mail.events.confirm.button"), url: link },
    footnotes: [t("mail.confirm.expiry"), t("mail.events.notYou")],
  });
  return { to: f.row.email, ...mail };
};

const composePlace: MailComposer = async (deps, payload) => {
  const f = await rsvpToWrite(deps, payload);
  if (f?.row.event_status !== "published") return null;
  const t = f.i18n.t;
  const hello = greeting(f.i18n, f.row.name);
  if (f.row.status === "waitlist") {
    const mail = renderEmail(f.i18n, {
      subject: t("mail.events.waitlist.subject", { title: f.row.title }),
      paragraphs: [hello, t("mail.events.waitlist.body", f.details)],
      action: { label: t("mail.events.manage"), url: f.attendance },
      footnotes: [t("mail.events.cancelHow")],
    });
    return { to: f.row.email, ...mail };
  }
  if (f.row.status !== "going") return null;
  const mail = renderEmail(f.i18n, {
    subject: t("mail.events.going.subject", { title: f.row.title }),
    paragraphs: [hello, t("mail.events.going.body", { title: f.row.title }), ...placeParagraphs(f)],
    action: { label: t("mail.events.manage"), url: f.attendance },
    footnotes: [t("mail.events.cancelHow"), t("mail.events.keepPrivate")],
  });
  return { to: f.row.email, ...mail };
};

const composePromoted: MailComposer = async (deps, payload) => {
  const f = await rsvpToWrite(deps, payload);
  if (f?.row.status !== "going" || f.row.event_status !== "published") return null;
  const t = f.i18n.t;
  const mail = renderEmail(f.i18n, {
    subject: t("mail.events.promoted.subject", { title: f.row.title }),
    paragraphs: [
      greeting(f.i18n, f.row.name),
      t("mail.events.promoted.body", { title: f.row.title }),
      ...placeParagraphs(f),
    ],
    action: { label: t("mail.events.manage"), url: f.attendance },
    footnotes: [t("mail.events.cancelHow"), t("mail.events.keepPrivate")],
  });
  return { to: f.row.email, ...mail };
};

const composeReminder: MailComposer = async (deps, payload) => {
  const f = await rsvpToWrite(deps, payload);
  if (f?.row.status !== "going" || f.row.reminders !== 1) return null;
  if (!takesRsvps({ status: f.row.event_status, starts_at: f.row.starts_at })) return null;
  const t = f.i18n.t;
  const mail = renderEmail(f.i18n, {
    subject: t("mail.events.reminder.subject", { title: f.row.title }),
    paragraphs: [
      greeting(f.i18n, f.row.name),
      t("mail.events.reminder.body", { title: f.row.title }),
      ...placeParagraphs(f),
    ],
    action: { label: t("mail.events.manage"), url: f.attendance },
    footnotes: [t("mail.events.cancelHow"), t("mail.events.whyReminder")],
  });
  return { to: f.row.email, ...mail };
};

const composeCancelled: MailComposer = async (deps, payload) => {
  const f = await rsvpToWrite(deps, payload);
  if (f?.row.event_status !== "cancelled") return null;
  const t = f.i18n.t;
  const mail = renderEmail(f.i18n, {
    subject: t("mail.events.cancelled.subject", { title: f.row.title }),
    paragraphs: [greeting(f.i18n, f.row.name), t("mail.events.cancelled.body", f.details)],
    action: { label: t("mail.events.findOthers"), url: siteUrl(deps, localisedPath(f.i18n.locale, "/events")) },
  });
  return { to: f.row.email, ...mail };
};

/** New details of an event to everyone going or waiting; none if it changed again since (a newer message goes). */
const composeChanged: MailComposer = async (deps, payload) => {
  const f = await rsvpToWrite(deps, payload);
  const sequence = (payload as { sequence?: unknown } | null)?.sequence;
  if (f?.row.event_status !== "published" || f.row.sequence !== sequence) return null;
  if (f.row.status !== "going" && f.row.status !== "waitlist") return null;
  const t = f.i18n.t;
  const going = f.row.status === "going";
  const mail = renderEmail(f.i18n, {
    subject: t("mail.events.changed.subject", { title: f.row.title }),
    paragraphs: [
      greeting(f.i18n, f.row.name),
      t("mail.events.changed.body", { title: f.row.title }),
      ...(going ? placeParagraphs(f) : [t("mail.events.when", { when: f.details.when, place: f.details.place })]),
    ],
    action: { label: t("mail.events.manage"), url: f.attendance },
    footnotes: [t("mail.events.cancelHow")],
  });
  return { to: f.row.email, ...mail };
};

/** The emails of this module, by the kind the outbox knows them by. */
export const EVENT_MAIL: Record<string, MailKind> = {
  [MAIL_RSVP_CONFIRM]: { compose: composeConfirm },
  [MAIL_RSVP_PLACE]: { compose: composePlace },
  [MAIL_RSVP_PROMOTED]: { compose: composePromoted },
  [MAIL_EVENT_REMINDER]: { compose: composeReminder },
  [MAIL_EVENT_CANCELLED]: { compose: composeCancelled },
  [MAIL_EVENT_CHANGED]: { compose: composeChanged },
};
