import type { ComponentChildren } from "preact";

/** A page that says one thing: a heading, a few paragraphs, and what to do next. */
export function MessagePage({
  heading,
  paragraphs,
  children,
}: {
  heading: string;
  paragraphs: string[];
  children?: ComponentChildren;
}) {
  return (
    <div class="page message-page">
      <h1>{heading}</h1>
      {paragraphs.map((p, i) => (
        <p key={p} class={i === 0 ? "lead" : undefined}>
          {p}
        </p>
      ))}
      {children}
    </div>
  );
}
