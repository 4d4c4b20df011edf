import { usePage } from "./context.ts";

/** One choice of a list's filter form (GET): "any" first, then the options, the current one selected. */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  options,
  selected,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  selected: string | null;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A filter by country: the countries that have something to show, by name in the reader's language. */
export function CountryFilter({
  id,
  countries,
  selected,
}: {
  id: string;
  countries: string[];
  selected: string | null;
}) {
  const { i18n } = usePage();
  const options = countries.map((code) => ({ value: code, label: i18n.countryName(code) }));
  options.sort((a, b) => a.label.localeCompare(b.label, i18n.locale));
  return (
    <FilterSelect
      id={id}
      name="country"
      label={i18n.t("events.filter.country")}
      anyLabel={i18n.t("events.filter.anyCountry")}
      options={options}
      selected={selected}
    />
  );
}
