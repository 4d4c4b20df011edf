import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { countriesByName } from "../../i18n/countries.ts";
import { localisedPath } from "../../i18n/locales.ts";
import { LIMITS } from "../../petitions/signature-input.ts";
import { EVENT_LIMITS, type EventForm } from "../event-input.ts";
import { TIME_ZONES } from "../event-times.ts";

export function NewEventPage({ values, errors }: { values: EventForm; errors: FieldError[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const shownAsError = error("shownAs");
  const modeError = error("mode");
  return (
    <div class="page new-event">
      <h1>{t("events.new.heading")}</h1>
      <p class="lead">{t("events.new.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, "/events/new")}>
        <h2>{t("events.new.you")}</h2>
        <Field name="name" label={t("sign.name.label")} error={error("name")}>
          {(a) => <input {...a} type="text" autocomplete="name" maxLength={LIMITS.name} value={values.name} />}
        </Field>
        <Field name="email" label={t("sign.email.label")} hint={t("events.new.emailHint")} error={error("email")}>
          {(a) => (
            <input
              {...a}
              type="email"
              autocomplete="email"
              spellcheck={false}
              dir="ltr"
              maxLength={LIMITS.email}
              value={values.email}
            />
          )}
        </Field>
        <fieldset class={shownAsError ? "field field--error" : "field"} id="field-shownAs">
          <legend>{t("events.new.shownAs")}</legend>
          {shownAsError ? <p class="field__error">{t("form.errorPrefix", { message: shownAsError })}</p> : null}
          <div class="checkbox">
            <input type="radio" id="shown-full" name="shown_as" value="full" checked={values.shownAs !== "first"} />
            <label for="shown-full">{t("events.new.shownAs.full")}</label>
          </div>
          <div class="checkbox">
            <input type="radio" id="shown-first" name="shown_as" value="first" checked={values.shownAs === "first"} />
            <label for="shown-first">{t("events.new.shownAs.first")}</label>
          </div>
        </fieldset>
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
        <Field name="start" label={t("events.new.start")} error={error("start")}>
          {(a) => <input {...a} type="datetime-local" value={values.start} />}
        </Field>
        <Field name="end" label={t("events.new.end")} error={error("end")}>
          {(a) => <input {...a} type="datetime-local" value={values.end} />}
        </Field>
        <Field
          name="timeZone"
          label={t("events.new.timeZone")}
          hint={t("events.new.timeZoneHint")}
          error={error("timeZone")}
        >
          {(a) => (
            <select {...a} name="time_zone" dir="ltr">
              {TIME_ZONES.map((z) => (
                <option key={z} value={z} selected={z === values.timeZone}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset class={modeError ? "field field--error" : "field"} id="field-mode">
          <legend>{t("events.new.mode")}</legend>
          {modeError ? <p class="field__error">{t("form.errorPrefix", { message: modeError })}</p> : null}
          <div class="checkbox">
            <input type="radio" id="mode-in-person" name="mode" value="in-person" checked={values.mode !== "online"} />
            <label for="mode-in-person">{t("events.inPerson")}</label>
          </div>
          <div class="checkbox">
            <input type="radio" id="mode-online" name="mode" value="online" checked={values.mode === "online"} />
            <label for="mode-online">{t("events.online")}</label>
          </div>
        </fieldset>
        <Field name="town" label={t("events.new.town")} hint={t("events.new.townHint")} error={error("town")}>
          {(a) => <input {...a} type="text" dir="auto" maxLength={EVENT_LIMITS.town} value={values.town} />}
        </Field>
        <Field name="country" label={t("sign.country.label")} error={error("country")}>
          {(a) => (
            <select {...a} autocomplete="country">
              <option value="">{t("sign.country.choose")}</option>
              {countriesByName(i18n.locale, i18n.countryName).map((c) => (
                <option key={c.code} value={c.code} selected={c.code === values.country}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="location"
          label={t("events.new.location")}
          hint={t("events.new.locationHint")}
          error={error("location")}
        >
          {(a) => (
            <textarea {...a} rows={3} dir="auto" maxLength={EVENT_LIMITS.location}>
              {values.location}
            </textarea>
          )}
        </Field>
        <Field
          name="capacity"
          label={t("events.new.capacity")}
          hint={t("events.new.capacityHint")}
          error={error("capacity")}
        >
          {(a) => <input {...a} type="text" inputMode="numeric" dir="ltr" size={6} value={values.capacity} />}
        </Field>
        <p class="sign__privacy">{t("events.new.privacy")}</p>
        <button type="submit" class="button button--large">
          {t("events.new.submit")}
        </button>
      </Form>
    </div>
  );
}
