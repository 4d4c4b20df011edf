import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

/**
 * A Markdown body as plain paragraphs for print: the words of every paragraph, heading and
 * list item (items start with a bullet), without markup; link text without its address.
 */
export function plainParagraphs(source: string): string[] {
  const paragraphs: string[] = [];
  let inItem = false;
  for (const token of md.parse(source, {})) {
    if (token.type === "list_item_open") inItem = true;
    if (token.type === "list_item_close") inItem = false;
    if (token.type !== "inline") continue;
    const text = (token.children ?? [])
      .map((child) => {
        if (child.type === "text" || child.type === "code_inline") return child.content;
        if (child.type === "softbreak" || child.type === "hardbreak") return " ";
        if (child.type === "image") return child.content;
        return "";
      })
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (text) paragraphs.push(inItem ? `• ${text}` : text);
  }
  return paragraphs;
}
