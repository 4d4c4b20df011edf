import type { ComponentChildren } from "preact";
import { CSRF_FIELD } from "../http/csrf-token.ts";

/** The hidden field of an embedded form's signed token. */
export const EMBED_FIELD = "_embed";

import { usePage } from "./context.ts";

export interface FieldError {
  /** The name of the field the error is about; the summary links to its id. */
  field: string;
  message: string;
}

/**
 * A POST form that carries the CSRF token. Works without JavaScript. A form embedded on
 * another site passes its own signed token instead (no cookie reaches an iframe there).
 */
export function Form({
  action,
  children,
  class: className,
  embedToken,
  enctype,
}: {
  action: string;
  children: ComponentChildren;
  class?: string;
  embedToken?: string;
  /** "multipart/form-data" for a form that sends a file (the token travels as a field all the same). */
  enctype?: "multipart/form-data";
}) {
  const { csrfToken } = usePage();
  return (
    <form method="post" action={action} class={className} enctype={enctype} novalidate>
      {embedToken ? (
        <input type="hidden" name={EMBED_FIELD} value={embedToken} />
      ) : (
        <input type="hidden" name={CSRF_FIELD} value={csrfToken()} />
      )}
      {children}
    </form>
  );
}

/**
 * The list of what is wrong, shown first on a page with errors. It takes focus (the
 * client script moves it there; data-autofocus marks it) and links to each field.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { i18n } = usePage();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-autofocus>
      <h2 id="error-summary-title">{i18n.t("form.errorSummaryTitle")}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#field-${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (attrs: FieldInputAttrs) => ComponentChildren;
}

export interface FieldInputAttrs {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: "true";
}

/** A labelled field with its hint and error, wired for assistive technology. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const { i18n } = usePage();
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`${id}-error`}>
          {i18n.t("form.errorPrefix", { message: error })}
        </p>
      ) : null}
      {children({
        id,
        name,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": "true" as const } : {}),
      })}
    </div>
  );
}
