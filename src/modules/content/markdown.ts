import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/** HTML that is safe to put on a page: only renderMarkdown makes it. */
export interface SafeHtml {
  readonly value: string;
}

// Raw HTML in the source is not rendered at all; the sanitiser is a second wall.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "sup",
    "sub",
  ],
  allowedAttributes: { a: ["href", "title"], th: ["scope"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    // Links leaving the site say so to the browser: no referrer, no window.opener.
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? "");
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer" } : attribs };
    },
    // The page has one h1 (its title); headings in content start at h2.
    h1: "h2",
  },
};
ALLOWED.allowedAttributes = { ...ALLOWED.allowedAttributes, a: ["href", "title", "rel"] };

/** Pages rendered lately, by their source: a campaign read by thousands is rendered once. */
const RENDERED_KEPT = 200;
const rendered = new Map<string, SafeHtml>();

export function renderMarkdown(source: string): SafeHtml {
  const hit = rendered.get(source);
  if (hit) return hit;
  const html = { value: sanitizeHtml(md.render(source), ALLOWED) };
  rendered.set(source, html);
  // The oldest rendering goes first (a Map keeps the order things were put in).
  if (rendered.size > RENDERED_KEPT) rendered.delete(rendered.keys().next().value as string);
  return html;
}
