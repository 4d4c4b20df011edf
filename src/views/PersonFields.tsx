import { countriesByName } from "../modules/i18n/countries.ts";
import { LIMITS } from "../modules/petitions/signature-input.ts";
import { usePage } from "./context.ts";
import { Field } from "./Form.tsx";

/** The name, email and country every form about a person asks for, alike wherever they are asked. */
export function PersonFields({
  values,
  error,
  emailHint,
}: {
  values: { name: string; email: string; country: string };
  error: (field: string) => string | undefined;
  emailHint: string;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <>
      <Field name="name" label={t("sign.name.label")} error={error("name")}>
        {(a) => <input {...a} type="text" autocomplete="name" maxLength={LIMITS.name} value={values.name} required />}
      </Field>
      <Field name="email" label={t("sign.email.label")} hint={emailHint} error={error("email")}>
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
            required
          />
        )}
      </Field>
      <Field name="country" label={t("sign.country.label")} error={error("country")}>
        {(a) => (
          <select {...a} autocomplete="country" required>
            <option value="">{t("sign.country.choose")}</option>
            {countriesByName(i18n.locale, i18n.countryName).map((c) => (
              <option key={c.code} value={c.code} selected={c.code === values.country}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
