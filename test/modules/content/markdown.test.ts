import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/modules/content/markdown.ts";

const render = (source: string) => renderMarkdown(source).value;

const ALLOWED_TAGS = new Set(
  "p br h2 h3 h4 blockquote ul ol li strong em a code pre hr table thead tbody tr th td del sup sub".split(" "),
);

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Every opening tag in the output, with its attributes as a browser would read them. */
function tagsIn(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: (m[1] ?? "").toLowerCase(),
    attributes: new Map(
      [...(m[2] ?? "").matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)].map((a) => [
        (a[1] ?? "").toLowerCase(),
        decodeEntities(a[2] ?? ""),
      ]),
    ),
  }));
}

/**
 * The scheme a browser would follow the link with, resolved against a page on the site as
 * the URL standard says; a link it cannot parse (say, a bad host name) goes nowhere.
 */
function schemeOf(href: string): string {
  try {
    return new URL(href, "https://site.example/pages/about").protocol;
  } catch {
    return "nowhere";
  }
}

const SAFE_SCHEMES = ["http:", "https:", "mailto:", "nowhere"];

describe("rendering Markdown", () => {
  it("turns # headings into h2, since the page's title is its only h1", () => {
    expect(render("# Why we act\n\n## Our demands\n\n### Detail")).toBe(
      "<h2>Why we act</h2>\n<h2>Our demands</h2>\n<h3>Detail</h3>\n",
    );
  });

  it("renders emphasis, lists, quotes and tables", () => {
    const html = render("**bold** and _em_\n\n- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>bold</strong> and <em>em</em>");
    expect(html).toContain("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
    expect(html).toContain("<blockquote>\n<p>quoted</p>\n</blockquote>");
    expect(html).toContain("<td>1</td>");
  });

  it("shows raw HTML and script as text, never as markup", () => {
    const html = render(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example">',
    );
    expect(html).not.toMatch(/<(script|img|iframe)/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it.each([
    "[click](javascript:alert(1))",
    "[click](JavaScript:alert(1))",
    "[click](jav&#x61;script:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    '<a href="javascript:alert(1)">click</a>',
    "[click](java\tscript:alert(1))",
  ])("never makes a link that runs script: %s", (source) => {
    for (const tag of tagsIn(render(source))) {
      const href = tag.attributes.get("href");
      if (href !== undefined) expect(SAFE_SCHEMES).toContain(schemeOf(href));
    }
    expect(render(source)).not.toMatch(/href="[^"]*script:/i);
  });

  it("never keeps an event handler attribute", () => {
    const html = render('<b onclick="x()">b</b> [t](https://example.org "a\\" onmouseover=\\"x")');
    for (const tag of tagsIn(html)) for (const name of tag.attributes.keys()) expect(name).not.toMatch(/^on/);
  });

  it("marks links that leave the site noopener noreferrer, and leaves the site's own links alone", () => {
    const html = render(
      "[UNHCR](https://www.unhcr.org) [shouting](HTTP://EXAMPLE.ORG) [ours](/campaigns) [mail](mailto:hello@example.org)",
    );
    expect(html).toContain('<a href="https://www.unhcr.org" rel="noopener noreferrer">UNHCR</a>');
    expect(html).toContain('<a href="HTTP://EXAMPLE.ORG" rel="noopener noreferrer">shouting</a>');
    expect(html).toContain('<a href="/campaigns">ours</a>');
    expect(html).toContain('<a href="mailto:hello@example.org">mail</a>');
  });

  it("turns bare web addresses into external links", () => {
    expect(render("See https://www.unhcr.org for more.")).toContain(
      '<a href="https://www.unhcr.org" rel="noopener noreferrer">https://www.unhcr.org</a>',
    );
  });

  it("drops protocol-relative links, which would leave the site unmarked", () => {
    const [link] = tagsIn(render("[away](//evil.example/path)")).filter((t) => t.name === "a");
    expect(link?.attributes.has("href")).toBe(false);
  });

  describe("properties", () => {
    const hostile = fc.constantFrom(
      "<script>",
      "</script>",
      "<SCRIPT src=//x>",
      "<img src=x onerror=alert(1)>",
      '<a href="javascript:alert(1)">',
      "<svg onload=alert(1)>",
      "<style>",
      "javascript:",
      "JaVaScRiPt:",
      "jav&#x61;script:",
      "&#106;avascript:",
      "data:text/html,",
      "vbscript:",
      " onclick=",
      '" onmouseover="',
      "'",
      '"',
      "`",
      "[",
      "](",
      ")",
      "<",
      ">",
      "&",
      "\\",
      "\n",
      "\n\n",
      "# ",
      "> ",
      "- ",
      "```",
      "|",
      "\u0000",
      "\t",
      "https://example.org",
      "//evil.example",
      "mailto:",
    );
    const source = fc
      .array(fc.oneof(hostile, fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 6 })), {
        maxLength: 40,
      })
      .map((parts) => parts.join(""));

    it("never outputs a script tag, a script link, an event handler or a tag outside the allowed set", () => {
      fc.assert(
        fc.property(source, (md) => {
          const html = render(md);
          expect(html).not.toMatch(/<script/i);
          for (const tag of tagsIn(html)) {
            expect(ALLOWED_TAGS.has(tag.name), `<${tag.name}> from ${JSON.stringify(md)}`).toBe(true);
            for (const [name, value] of tag.attributes) {
              expect(name, `from ${JSON.stringify(md)}`).not.toMatch(/^on/);
              if (name === "href") expect(SAFE_SCHEMES).toContain(schemeOf(value));
            }
            if (tag.name === "a" && /^https?:/i.test(tag.attributes.get("href") ?? "")) {
              expect(tag.attributes.get("rel")).toBe("noopener noreferrer");
            }
          }
        }),
        { numRuns: 1000 },
      );
    });
  });
});
