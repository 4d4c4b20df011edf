import { Field, type FieldError } from "../../../views/Form.tsx";

/** One field of a campaigner's editing form for a list entry (a take-action item, a resource). */
export interface EntryField {
  name: string;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "select";
  maxLength?: number;
  options?: { value: string; label: string }[];
  dir?: "ltr" | "auto";
}

/** The fields of an entry's form, with its values and errors. */
export function EntryFields({
  fields,
  values,
  errors,
}: {
  fields: EntryField[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  return (
    <>
      {fields.map((f) => (
        <Field
          key={f.name}
          name={f.name}
          label={f.label}
          hint={f.hint}
          error={errors.find((e) => e.field === f.name)?.message}
        >
          {(a) =>
            f.kind === "textarea" ? (
              <textarea {...a} rows={4} dir={f.dir ?? "auto"} maxLength={f.maxLength}>
                {values[f.name] ?? ""}
              </textarea>
            ) : f.kind === "select" ? (
              <select {...a}>
                {(f.options ?? []).map((o) => (
                  <option key={o.value} value={o.value} selected={o.value === values[f.name]}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...a} type="text" dir={f.dir ?? "auto"} maxLength={f.maxLength} value={values[f.name] ?? ""} />
            )
          }
        </Field>
      ))}
    </>
  );
}
