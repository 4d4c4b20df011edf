import { usePage } from "../../../views/context.ts";
import { Field } from "../../../views/Form.tsx";
import { CountryField } from "../../../views/PersonFields.tsx";
import { EVENT_LIMITS } from "../event-input.ts";
import { TIME_ZONES } from "../event-times.ts";

/** The fields a host's form and staff's change form share, each with its own hints. */
type FieldErrorOf = (field: string) => string | undefined;

/** When it starts and ends, in which time zone. */
export function EventTimeFields({
  values,
  error,
  timeZoneHint,
}: {
  values: { start: string; end: string; timeZone: string };
  error: FieldErrorOf;
  timeZoneHint?: string;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <>
      <Field name="start" label={t("events.new.start")} error={error("start")}>
        {(a) => <input {...a} type="datetime-local" value={values.start} />}
      </Field>
      <Field name="end" label={t("events.new.end")} error={error("end")}>
        {(a) => <input {...a} type="datetime-local" value={values.end} />}
      </Field>
      <Field name="timeZone" label={t("events.new.timeZone")} hint={timeZoneHint} error={error("timeZone")}>
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
    </>
  );
}

/** The town and country of an event in person; `autofill` offers the reader's own country. */
export function EventTownFields({
  values,
  error,
  townHint,
  autofill,
}: {
  values: { town: string; country: string };
  error: FieldErrorOf;
  townHint?: string;
  autofill: boolean;
}) {
  const { i18n } = usePage();
  return (
    <>
      <Field name="town" label={i18n.t("events.new.town")} hint={townHint} error={error("town")}>
        {(a) => <input {...a} type="text" dir="auto" maxLength={EVENT_LIMITS.town} value={values.town} />}
      </Field>
      <CountryField value={values.country} error={error("country")} autofill={autofill} />
    </>
  );
}

/** Where exactly (shown to those going only) and how many can come. */
export function EventLocationFields({
  values,
  error,
  locationHint,
}: {
  values: { location: string; capacity: string };
  error: FieldErrorOf;
  locationHint?: string;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <>
      <Field name="location" label={t("events.new.location")} hint={locationHint} error={error("location")}>
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
    </>
  );
}
