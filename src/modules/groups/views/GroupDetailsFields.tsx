import { usePage } from "../../../views/context.ts";
import { Field } from "../../../views/Form.tsx";
import { CountryField } from "../../../views/PersonFields.tsx";
import { RadioFieldset } from "../../../views/RadioFieldset.tsx";
import { GROUP_LIMITS, type GroupDetailsForm } from "../group-input.ts";

/** A group's public details as form fields: the organiser's and staff's edit forms. */
export function GroupDetailsFields({
  values,
  error,
}: {
  values: GroupDetailsForm;
  error: (field: string) => string | undefined;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <>
      <Field name="groupName" label={t("groups.new.groupName")} error={error("groupName")}>
        {(a) => (
          <input
            {...a}
            name="group_name"
            type="text"
            dir="auto"
            maxLength={GROUP_LIMITS.name}
            value={values.groupName}
          />
        )}
      </Field>
      <Field
        name="description"
        label={t("groups.new.description")}
        hint={t("events.new.descriptionHint")}
        error={error("description")}
      >
        {(a) => (
          <textarea {...a} rows={8} dir="auto" maxLength={GROUP_LIMITS.description}>
            {values.description}
          </textarea>
        )}
      </Field>
      <Field name="town" label={t("events.new.town")} hint={t("groups.new.townHint")} error={error("town")}>
        {(a) => <input {...a} type="text" dir="auto" maxLength={GROUP_LIMITS.town} value={values.town} />}
      </Field>
      <CountryField value={values.country} error={error("country")} />
      <RadioFieldset
        name="place"
        legend={t("groups.new.mapLegend")}
        idPrefix="place"
        itemClass="radio"
        choices={[
          { value: "country", label: t("groups.new.countryOnly") },
          { value: "point", label: t("groups.new.point") },
        ]}
        checked={values.place === "point" ? "point" : "country"}
      />
      <Field
        name="latitude"
        label={t("groups.new.latitude")}
        hint={t("groups.new.pointHint")}
        error={error("latitude")}
      >
        {(a) => <input {...a} type="text" inputMode="decimal" dir="ltr" maxLength={14} value={values.latitude} />}
      </Field>
      <Field name="longitude" label={t("groups.new.longitude")} error={error("longitude")}>
        {(a) => <input {...a} type="text" inputMode="decimal" dir="ltr" maxLength={14} value={values.longitude} />}
      </Field>
    </>
  );
}
