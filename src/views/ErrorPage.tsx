import { usePage } from "./context.ts";

export interface ErrorPageProps {
  heading: string;
  message: string;
  /** Shown on server errors so that a report can be matched to the logs. */
  showRequestId?: boolean;
  /** Where to go from here; the home page when not given. */
  backHref?: string;
  backLabel?: string;
}

export function ErrorPage({ heading, message, showRequestId, backHref, backLabel }: ErrorPageProps) {
  const { i18n, requestId } = usePage();
  return (
    <div class="error-page">
      <h1>{heading}</h1>
      <p>{message}</p>
      {showRequestId ? (
        <p class="error-page__reference">
          {i18n.t("error.reference")} <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        <a href={backHref ?? "/"}>{backLabel ?? i18n.t("error.backHome")}</a>
      </p>
    </div>
  );
}
