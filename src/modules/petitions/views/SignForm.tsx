import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { PersonFields } from "../../../views/PersonFields.tsx";
import { CHALLENGE_FIELD } from "../../abuse/challenge.ts";
import { HONEYPOT_FIELD } from "../../abuse/form-guard.ts";
import { localisedPath } from "../../i18n/locales.ts";
import { LIMITS, type SignatureForm } from "../signature-input.ts";

export interface SignFormProps {
  slug: string;
  values: SignatureForm;
  errors: FieldError[];
  postcodeRequired: boolean;
  /** Where the visit came from, carried through the form (ref, utm_*, referrer host). */
  source: Record<string, string>;
  /** For the embedded form: where it posts and its signed token. */
  embed?: { action: string; token: string };
  /** The proof-of-work challenge (JSON), while it is on for the petition; solved by the page's script. */
  challenge?: string | null;
}

export function SignForm({ slug, values, errors, postcodeRequired, source, embed, challenge }: SignFormProps) {
  const { i18n, assets } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section class="sign" aria-labelledby="sign-heading" id="sign">
      <h2 id="sign-heading">{t("sign.heading")}</h2>
      <ErrorSummary errors={errors} />
      <Form
        action={embed?.action ?? localisedPath(i18n.locale, `/campaigns/${slug}/signatures`)}
        class="sign__form"
        {...(embed ? { embedToken: embed.token } : {})}
      >
        {Object.entries(source).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <PersonFields values={values} error={error} emailHint={t("sign.email.hint")} />
        <Field
          name="postcode"
          label={t(postcodeRequired ? "sign.postcode.label" : "sign.postcode.labelOptional")}
          error={error("postcode")}
        >
          {(a) => (
            <input
              {...a}
              type="text"
              autocomplete="postal-code"
              dir="ltr"
              class="input--short"
              maxLength={LIMITS.postcode}
              value={values.postcode}
              required={postcodeRequired}
            />
          )}
        </Field>
        <Field name="comment" label={t("sign.comment.label")} hint={t("sign.comment.hint")} error={error("comment")}>
          {(a) => (
            <textarea {...a} rows={3} maxLength={LIMITS.comment} dir="auto">
              {values.comment}
            </textarea>
          )}
        </Field>
        <div class="checkbox">
          <input
            type="checkbox"
            id="field-comment_public"
            name="comment_public"
            value="yes"
            checked={values.commentPublic}
          />
          <label for="field-comment_public">{t("sign.commentPublic.label")}</label>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="field-updates" name="updates" value="yes" checked={values.updates} />
          <label for="field-updates">{t("sign.updates.label")}</label>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="field-public" name="public" value="yes" checked={values.public} />
          <label for="field-public">{t("sign.public.label")}</label>
        </div>
        {/* For scripts only: hidden from sight and from assistive technology, out of the tab order. */}
        <div class="trap-field" aria-hidden="true">
          <label for={`field-${HONEYPOT_FIELD}`}>{t("sign.trap.label")}</label>
          <input
            type="text"
            id={`field-${HONEYPOT_FIELD}`}
            name={HONEYPOT_FIELD}
            value=""
            tabIndex={-1}
            autocomplete="off"
          />
        </div>
        <p class="sign__privacy">{t("sign.privacy")}</p>
        {challenge ? (
          // Worked out by the page's script (src/client/proof-of-work.ts); it says how it goes here.
          <div
            class="pow"
            data-pow=""
            data-pow-worker={assets.powWorker ?? ""}
            data-pow-checking={t("sign.challenge.checking")}
            data-pow-ready={t("sign.challenge.ready")}
          >
            <input type="hidden" name={CHALLENGE_FIELD} value="" data-pow-challenge={challenge} />
            <p class="pow__status" role="status" data-pow-status="" />
          </div>
        ) : null}
        <button type="submit" class="button button--large">
          {t("sign.submit")}
        </button>
      </Form>
    </section>
  );
}
