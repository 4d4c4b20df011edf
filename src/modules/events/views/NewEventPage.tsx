import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { EmailField, NameField, ShownAsField } from "../../../views/PersonFields.tsx";
import { RadioFieldset } from "../../../views/RadioFieldset.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import { EVENT_LIMITS, type EventForm } from "../event-input.ts";
import { EventLocationFields, EventTimeFields, EventTownFields } from "./EventFields.tsx";

/** A group a host may name, as the choice shows it. */
export interface GroupChoice {
  slug: string;
  name: string;
  town: string;
  country: string;
}

export function NewEventPage({
  values,
  errors,
  groups,
}: {
  values: EventForm;
  errors: FieldError[];
  groups: GroupChoice[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="page new-event">
      <h1>{t("events.new.heading")}</h1>
      <p class="lead">{t("events.new.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, "/events/new")}>
        <h2>{t("events.new.you")}</h2>
        <NameField value={values.name} error={error("name")} />
        <EmailField value={values.email} error={error("email")} hint={t("events.new.emailHint")} />
        <ShownAsField
          legend={t("events.new.shownAs")}
          error={error("shownAs")}
          choices={[
            { value: "full", label: t("events.new.shownAs.full") },
            { value: "first", label: t("events.new.shownAs.first") },
          ]}
          checked={values.shownAs === "first" ? "first" : "full"}
        />
        <h2>{t("events.new.event")}</h2>
        <Field name="title" label={t("events.new.title")} error={error("title")}>
          {(a) => <input {...a} type="text" dir="auto" maxLength={EVENT_LIMITS.title} value={values.title} />}
        </Field>
        <Field
          name="description"
          label={t("events.new.description")}
          hint={t("events.new.descriptionHint")}
          error={error("description")}
        >
          {(a) => (
            <textarea {...a} rows={8} dir="auto" maxLength={EVENT_LIMITS.description}>
              {values.description}
            </textarea>
          )}
        </Field>
        <EventTimeFields values={values} error={error} timeZoneHint={t("events.new.timeZoneHint")} />
        <RadioFieldset
          field="mode"
          name="mode"
          legend={t("events.new.mode")}
          error={error("mode")}
          idPrefix="mode"
          choices={[
            { value: "in-person", label: t("events.inPerson") },
            { value: "online", label: t("events.online") },
          ]}
          checked={values.mode === "online" ? "online" : "in-person"}
        />
        <EventTownFields values={values} error={error} townHint={t("events.new.townHint")} autofill />
        <EventLocationFields values={values} error={error} locationHint={t("events.new.locationHint")} />
        {groups.length === 0 ? null : (
          <Field name="group" label={t("events.new.group")} hint={t("events.new.groupHint")} error={error("group")}>
            {(a) => (
              <select {...a}>
                <option value="">{t("events.new.noGroup")}</option>
                {groups.map((g) => (
                  <option key={g.slug} value={g.slug} selected={g.slug === values.group}>
                    {t("events.new.groupOption", {
                      group: g.name,
                      place: t("groups.place", { town: g.town, country: i18n.countryName(g.country) }),
                    })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <p class="sign__privacy">{t("events.new.privacy")}</p>
        <button type="submit" class="button button--large">
          {t("events.new.submit")}
        </button>
      </Form>
    </div>
  );
}
