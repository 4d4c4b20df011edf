import type { ComponentChildren, VNode } from "preact";
import { Form } from "../../../views/Form.tsx";
import { ChoiceFieldset } from "../../../views/RadioFieldset.tsx";

/** What the last write did, said where a screen reader hears it; nothing when there is nothing to say. */
export function Notice({ children }: { children: ComponentChildren }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}

/**
 * A list of things in the admin as a table, a column heading each, or `none` when it is
 * empty. `children` draws one row (`<tr key=…>`).
 */
export function AdminTable<Row>({
  rows,
  none,
  caption,
  headings,
  children,
}: {
  rows: readonly Row[];
  none: string;
  caption?: string;
  headings: readonly string[];
  children: (row: Row) => VNode;
}) {
  if (rows.length === 0) return <p>{none}</p>;
  return (
    <table class="admin-table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {headings.map((heading, i) => (
            <th scope="col" key={i}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows.map(children)}</tbody>
    </table>
  );
}

/**
 * One button that does one thing to one row (release, remove, replay): a form of its own,
 * with the hidden fields the action needs. `describedBy` names the row's heading cell.
 */
export function RowAction({
  action,
  label,
  hidden = {},
  describedBy,
  inline = true,
}: {
  action: string;
  label: string;
  hidden?: Record<string, string>;
  describedBy?: string;
  inline?: boolean;
}) {
  return (
    <Form action={action} class={inline ? "inline-form" : undefined}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="button button--secondary" aria-describedby={describedBy}>
        {label}
      </button>
    </Form>
  );
}

/**
 * A question answered by ticking any of a few boxes: a fieldset with its legend and error.
 * The first box has the id `field-<name>`, which the error summary links to.
 */
export function CheckboxFieldset({
  name,
  legend,
  error,
  idPrefix,
  choices,
  checked,
}: {
  name: string;
  legend: string;
  error: string | undefined;
  /** The other boxes' ids: `idPrefix-value`. */
  idPrefix: string;
  choices: readonly { value: string; label: string; dir?: "ltr" }[];
  checked: readonly string[];
}) {
  return (
    <ChoiceFieldset
      type="checkbox"
      name={name}
      legend={legend}
      error={error}
      choices={choices}
      checked={checked}
      idOf={(choice, i) => (i === 0 ? `field-${name}` : `${idPrefix}-${choice.value}`)}
    />
  );
}
