import { usePage } from "../../../views/context.ts";
import { Form } from "../../../views/Form.tsx";
import type { DevMail } from "../dev-mailbox.repo.ts";

export function MailboxPage({ messages }: { messages: DevMail[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <div class="page mailbox">
      <h1>{t("mailbox.heading")}</h1>
      <p class="lead">{t("mailbox.intro")}</p>
      <p>
        <a href="/dev/mailbox.json">{t("mailbox.json")}</a>
      </p>
      {messages.length === 0 ? (
        <p>{t("mailbox.empty")}</p>
      ) : (
        <>
          <Form action="/dev/mailbox/clear">
            <button type="submit" class="button button--secondary">
              {t("mailbox.clear")}
            </button>
          </Form>
          <ol class="mailbox__list" reversed>
            {messages.map((m) => (
              <li key={m.id} class="mail">
                <h2 class="mail__subject">{m.subject}</h2>
                <dl class="mail__meta">
                  <dt>{t("mailbox.to")}</dt>
                  <dd>
                    <bdi>{m.to}</bdi>
                  </dd>
                  <dt>{t("mailbox.date")}</dt>
                  <dd>
                    <time dateTime={m.date}>
                      {i18n.formatDate(m.date, { dateStyle: "medium", timeStyle: "medium" })}
                    </time>
                  </dd>
                </dl>
                <pre class="mail__text" dir="auto">
                  {m.text}
                </pre>
                {m.html ? (
                  <p>
                    <a href={`/dev/mailbox/${m.id}.html`}>{t("mailbox.viewHtml")}</a>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
