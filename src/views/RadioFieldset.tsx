import { usePage } from "./context.ts";

/**
 * A question answered by one of a few choices: a fieldset with its legend, its error, and a
 * radio button for each choice (ids `idPrefix-value`). `field` names it for the error
 * summary's link (`#field-…`).
 */
export function RadioFieldset({
  field,
  name,
  legend,
  error,
  idPrefix,
  choices,
  checked,
  itemClass = "checkbox",
}: {
  field?: string;
  name: string;
  legend: string;
  error?: string | undefined;
  idPrefix: string;
  choices: readonly { value: string; label: string }[];
  /** The value whose radio is checked. */
  checked: string;
  itemClass?: "checkbox" | "radio";
}) {
  const { i18n } = usePage();
  return (
    <fieldset class={error ? "field field--error" : "field"} id={field ? `field-${field}` : undefined}>
      <legend>{legend}</legend>
      {error ? <p class="field__error">{i18n.t("form.errorPrefix", { message: error })}</p> : null}
      {choices.map((c) => (
        <div class={itemClass} key={c.value}>
          <input type="radio" id={`${idPrefix}-${c.value}`} name={name} value={c.value} checked={c.value === checked} />
          <label for={`${idPrefix}-${c.value}`}>{c.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
