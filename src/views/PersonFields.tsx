import { countriesByName } from "../modules/i18n/countries.ts";
import { LIMITS } from "../modules/petitions/signature-input.ts";
import { usePage } from "./context.ts";
import { Field } from "./Form.tsx";
import { RadioFieldset } from "./RadioFieldset.tsx";

/** One of a person's fields: `field` names it for errors (`field-…` ids), `inputName` is what the form sends. */
interface PersonFieldProps {
  value: string;
  error: string | undefined;
  /** Defaults to "name" or "email". */
  field?: string;
  /** The name the form sends, when it differs from the field's (two people on one page). */
  inputName?: string;
  label?: string;
  hint?: string;
  required?: boolean;
}

/** A person's name, as every form asks for it. */
export function NameField({ value, error, field = "name", inputName, label, hint, required }: PersonFieldProps) {
  const { i18n } = usePage();
  return (
    <Field name={field} label={label ?? i18n.t("sign.name.label")} hint={hint} error={error}>
      {(a) => (
        <input
          {...a}
          name={inputName ?? a.name}
          type="text"
          autocomplete="name"
          maxLength={LIMITS.name}
          value={value}
          required={required}
        />
      )}
    </Field>
  );
}

/** A person's email address, as every form asks for it. */
export function EmailField({ value, error, field = "email", inputName, label, hint, required }: PersonFieldProps) {
  const { i18n } = usePage();
  return (
    <Field name={field} label={label ?? i18n.t("sign.email.label")} hint={hint} error={error}>
      {(a) => (
        <input
          {...a}
          name={inputName ?? a.name}
          type="email"
          autocomplete="email"
          inputMode="email"
          spellcheck={false}
          dir="ltr"
          maxLength={LIMITS.email}
          value={value}
          required={required}
        />
      )}
    </Field>
  );
}

/**
 * A country, chosen from every country by its name in the reader's language. `autofill`
 * (the default) offers the reader's own country; staff editing someone else's do without.
 */
export function CountryField({
  value,
  error,
  required,
  autofill = true,
}: {
  value: string;
  error: string | undefined;
  required?: boolean;
  autofill?: boolean;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <Field name="country" label={t("sign.country.label")} error={error}>
      {(a) => (
        <select {...a} autocomplete={autofill ? "country" : undefined} required={required}>
          <option value="">{t("sign.country.choose")}</option>
          {countriesByName(i18n.locale, i18n.countryName).map((c) => (
            <option key={c.code} value={c.code} selected={c.code === value}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

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
  return (
    <>
      <NameField value={values.name} error={error("name")} required />
      <EmailField value={values.email} error={error("email")} hint={emailHint} required />
      <CountryField value={values.country} error={error("country")} required />
    </>
  );
}

/**
 * How a person's name is shown on what they send (an event, a story): one of `choices`,
 * sent as `shown_as`; its error and the error summary's link are those of `shownAs`.
 */
export function ShownAsField({
  legend,
  error,
  choices,
  checked,
}: {
  legend: string;
  error: string | undefined;
  choices: readonly { value: string; label: string }[];
  checked: string;
}) {
  return (
    <RadioFieldset
      field="shownAs"
      name="shown_as"
      legend={legend}
      error={error}
      idPrefix="shown"
      choices={choices}
      checked={checked}
    />
  );
}
