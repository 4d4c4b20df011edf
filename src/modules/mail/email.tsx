import { renderToString } from "preact-render-to-string";
import type { SafeHtml } from "../content/markdown.ts";
import type { I18n } from "../i18n/i18n.ts";

/** The parts of an email; the HTML and the plain-text versions are both made from them. */
export interface EmailContent {
  subject: string;
  paragraphs: string[];
  /** Written content after the paragraphs (a mailing): sanitised HTML, and its Markdown source as the text. */
  body?: { html: SafeHtml; text: string };
  /** The one thing to do, as a button in HTML and a bare link in text. */
  action?: { label: string; url: string };
  /** Small print under the message (why they got it, what to do if it was not them). */
  footnotes?: string[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const BRAND = "#ffd400";
const INK = "#111111";

function EmailHtml({ i18n, content }: { i18n: I18n; content: EmailContent }) {
  const align = i18n.dir === "rtl" ? "right" : "left";
  return (
    <html lang={i18n.locale} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </head>
      <body style={`margin:0;padding:0;background:#f6f4ec;color:${INK};font-family:Arial,Helvetica,sans-serif;`}>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f4ec;">
          <tr>
            <td align="center" style="padding:24px 12px;">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                style="max-width:560px;background:#ffffff;"
              >
                <tr>
                  <td
                    style={`background:${BRAND};padding:16px 24px;font-size:22px;font-weight:bold;text-align:${align};`}
                  >
                    {i18n.t("site.name")}
                  </td>
                </tr>
                <tr>
                  <td dir={i18n.dir} style={`padding:24px;font-size:16px;line-height:1.5;text-align:${align};`}>
                    {content.paragraphs.map((p) => (
                      <p key={p} style="margin:0 0 16px 0;">
                        {p}
                      </p>
                    ))}
                    {content.body ? (
                      // SafeHtml is only made by renderMarkdown, which sanitises.
                      <div dangerouslySetInnerHTML={{ __html: content.body.html.value }} />
                    ) : null}
                    {content.action ? (
                      <p style="margin:24px 0;">
                        <a
                          href={content.action.url}
                          style={`display:inline-block;background:${INK};color:#ffffff;padding:12px 20px;font-weight:bold;text-decoration:none;border-radius:4px;`}
                        >
                          {content.action.label}
                        </a>
                      </p>
                    ) : null}
                    {content.action ? (
                      <p style="margin:0 0 16px 0;font-size:13px;color:#4a4a4a;word-break:break-all;" dir="ltr">
                        {content.action.url}
                      </p>
                    ) : null}
                    {(content.footnotes ?? []).map((f) => (
                      <p key={f} style="margin:16px 0 0 0;font-size:13px;color:#4a4a4a;">
                        {f}
                      </p>
                    ))}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

function emailText(content: EmailContent): string {
  const parts = [...content.paragraphs];
  if (content.body) parts.push(content.body.text.trim());
  if (content.action) parts.push(`${content.action.label}:\n${content.action.url}`);
  if (content.footnotes?.length) parts.push("--", ...content.footnotes);
  return `${parts.join("\n\n")}\n`;
}

/** One email in a supporter's language and direction, in the site's look, with a text version. */
export function renderEmail(i18n: I18n, content: EmailContent): RenderedEmail {
  return {
    subject: content.subject,
    text: emailText(content),
    html: `<!doctype html>${renderToString(<EmailHtml i18n={i18n} content={content} />)}`,
  };
}
