import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";

/** The emergency switch: signing paused on every petition at once, or running. */
export function SigningPage({ paused, staff }: { paused: boolean; staff: StaffViewer }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.signing.heading")}</h1>
      <p class="lead">{t("admin.signing.text")}</p>
      <p class={paused ? "notice" : undefined} role="status">
        {t(paused ? "admin.signing.paused" : "admin.signing.running")}
      </p>
      <Form action="/admin/signing">
        <input type="hidden" name="paused" value={paused ? "0" : "1"} />
        <button type="submit" class={paused ? "button" : "button button--warning"}>
          {t(paused ? "admin.signing.resume" : "admin.signing.pause")}
        </button>
      </Form>
    </AdminFrame>
  );
}
