import { usePage } from "./context.ts";

interface Choice {
  value: string;
  label: string;
  dir?: "ltr";
}

/**
 * A question answered by one or more of a few choices: a fieldset with its legend, its
 * error, and a radio button or a check box for each choice, with the id `idOf` gives it.
 * With an `id`, the error summary links to the fieldset itself; `focusable` lets the link
 * move focus there too.
 */
export function ChoiceFieldset({
  type,
  id,
  focusable = false,
  name,
  legend,
  error,
  choices,
  checked,
  idOf,
  itemClass = "checkbox",
}: {
  type: "radio" | "checkbox";
  id?: string | undefined;
  focusable?: boolean;
  name: string;
  legend: string;
  error?: string | undefined;
  choices: readonly Choice[];
  /** The values whose boxes are checked. */
  checked: readonly string[];
  idOf(choice: Choice, index: number): string;
  itemClass?: "checkbox" | "radio";
}) {
  const { i18n } = usePage();
  return (
    <fieldset class={error ? "field field--error" : "field"} id={id} tabindex={focusable ? -1 : undefined}>
      <legend>{legend}</legend>
      {error ? <p class="field__error">{i18n.t("form.errorPrefix", { message: error })}</p> : null}
      {choices.map((c, i) => {
        const boxId = idOf(c, i);
        return (
          <div class={itemClass} key={c.value}>
            <input type={type} id={boxId} name={name} value={c.value} checked={checked.includes(c.value)} />
            <label for={boxId} dir={c.dir}>
              {c.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * A question answered by one of a few choices: a fieldset with its legend, its error, and a
 * radio button for each choice (ids `idPrefix-value`). `field` names it for the error
 * summary's link (`#field-…`).
 */
export function RadioFieldset({
  field,
  focusable,
  name,
  legend,
  error,
  idPrefix,
  choices,
  checked,
  itemClass = "checkbox",
}: {
  field?: string;
  focusable?: boolean;
  name: string;
  legend: string;
  error?: string | undefined;
  idPrefix: string;
  choices: readonly { value: string; label: string }[];
  /** The value whose radio is checked. */
  checked: string;
  itemClass?: "checkbox" | "radio";
}) {
  return (
    <ChoiceFieldset
      type="radio"
      id={field ? `field-${field}` : undefined}
      focusable={focusable}
      name={name}
      legend={legend}
      error={error}
      choices={choices}
      checked={[checked]}
      idOf={(c) => `${idPrefix}-${c.value}`}
      itemClass={itemClass}
    />
  );
}
