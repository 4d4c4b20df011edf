import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { HomeForm } from "../home-admin.service.ts";
import { type HomeBlock, isHomeBlock } from "../home-layout.ts";

export const BLOCK_NAME = {
  figures: "admin.home.block.figures",
  campaigns: "admin.home.block.campaigns",
  stories: "admin.home.block.stories",
  events: "admin.home.block.events",
  "take-action": "admin.home.block.takeAction",
  join: "admin.home.block.join",
} as const satisfies Record<HomeBlock, string>;

/** What the home page shows after its message, in which order, and which campaigns it features. */
export function AdminHomePage({
  staff,
  form,
  campaigns,
  errors,
  notice,
}: {
  staff: StaffViewer;
  form: HomeForm;
  campaigns: { id: number; title: string }[];
  errors: FieldError[];
  notice: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  const order = form.order.filter(isHomeBlock);
  const blocksError = errors.find((e) => e.field === "blocks")?.message;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.home.heading")}</h1>
      <p>{t("admin.home.intro")}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        <a href={at("/")}>{t("admin.home.see")}</a>
      </p>
      <ErrorSummary errors={errors} />
      <Form action={at("/admin/home-page")}>
        <fieldset class={blocksError ? "field field--error" : "field"} id="field-blocks" tabindex={-1}>
          <legend>{t("admin.home.blocks")}</legend>
          <p class="field__hint">
            {t("admin.home.messageFirst")} <a href={at("/admin/pages/home/en")}>{t("admin.home.editMessage")}</a>
          </p>
          {blocksError ? <p class="field__error">{t("form.errorPrefix", { message: blocksError })}</p> : null}
          <ol class="home-blocks">
            {order.map((block, index) => {
              const name = t(BLOCK_NAME[block]);
              return (
                <li key={block} class="home-blocks__item">
                  <input type="hidden" name="order" value={block} />
                  <span class="checkbox">
                    <input
                      type="checkbox"
                      id={`shown-${block}`}
                      name="shown"
                      value={block}
                      checked={form.shown.includes(block)}
                    />
                    <label for={`shown-${block}`}>{t("admin.home.show", { block: name })}</label>
                  </span>{" "}
                  <button
                    type="submit"
                    class="button button--secondary"
                    name="move"
                    value={`up:${block}`}
                    disabled={index === 0}
                    aria-label={t("admin.home.moveUp", { block: name })}
                  >
                    {t("admin.entry.moveUp")}
                  </button>{" "}
                  <button
                    type="submit"
                    class="button button--secondary"
                    name="move"
                    value={`down:${block}`}
                    disabled={index === order.length - 1}
                    aria-label={t("admin.home.moveDown", { block: name })}
                  >
                    {t("admin.entry.moveDown")}
                  </button>
                </li>
              );
            })}
          </ol>
        </fieldset>
        <Field
          name="featured"
          label={t("admin.home.featured")}
          hint={t("admin.home.featuredHint")}
          error={errors.find((e) => e.field === "featured")?.message}
        >
          {(a) => (
            <select {...a}>
              <option value="flagged" selected={form.featured === "flagged"}>
                {t("admin.home.featured.flagged")}
              </option>
              <option value="newest" selected={form.featured === "newest"}>
                {t("admin.home.featured.newest")}
              </option>
              {campaigns.map((c) => (
                <option key={c.id} value={`campaign-${c.id}`} selected={form.featured === `campaign-${c.id}`}>
                  {c.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="button">
          {t("admin.entry.save")}
        </button>
      </Form>
    </AdminFrame>
  );
}
