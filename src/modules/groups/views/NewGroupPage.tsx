import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { countriesByName } from "../../i18n/countries.ts";
import { localisedPath } from "../../i18n/locales.ts";
import { LIMITS } from "../../petitions/signature-input.ts";
import { GROUP_LIMITS, type GroupForm } from "../group-input.ts";

/** The "start a group" request: who organises it, what and where it is; a moderator reads it first. */
export function NewGroupPage({ values, errors }: { values: GroupForm; errors: FieldError[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="page new-group">
      <h1>{t("groups.new.heading")}</h1>
      <p class="lead">{t("groups.new.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, "/groups/new")}>
        <Field
          name="name"
          label={t("groups.new.organiserName")}
          hint={t("groups.new.organiserHint")}
          error={error("name")}
        >
          {(a) => <input {...a} type="text" autocomplete="name" maxLength={LIMITS.name} value={values.name} />}
        </Field>
        <Field name="email" label={t("sign.email.label")} hint={t("groups.new.emailHint")} error={error("email")}>
          {(a) => (
            <input
              {...a}
              type="email"
              autocomplete="email"
              inputMode="email"
              spellcheck={false}
              dir="ltr"
              maxLength={LIMITS.email}
              value={values.email}
            />
          )}
        </Field>
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
        <fieldset class="field">
          <legend>{t("groups.new.mapLegend")}</legend>
          <div class="radio">
            <input type="radio" id="place-country" name="place" value="country" checked={values.place !== "point"} />
            <label for="place-country">{t("groups.new.countryOnly")}</label>
          </div>
          <div class="radio">
            <input type="radio" id="place-point" name="place" value="point" checked={values.place === "point"} />
            <label for="place-point">{t("groups.new.point")}</label>
          </div>
        </fieldset>
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
        <p class="sign__privacy">{t("groups.new.privacy")}</p>
        <button type="submit" class="button button--large" id="group-submit">
          {t("groups.new.submit")}
        </button>
      </Form>
    </div>
  );
}
