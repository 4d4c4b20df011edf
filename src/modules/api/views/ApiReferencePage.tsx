import { usePage } from "../../../views/context.ts";
import type { openApiDocument } from "../openapi.ts";
import type { PROBLEMS } from "../problem.ts";

type Operation = {
  summary: string;
  tags: string[];
  "x-scope"?: string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: { type?: unknown } }[];
  requestBody?: unknown;
  responses: Record<string, { description: string }>;
};

/**
 * The API reference, written on the server from the OpenAPI document (so it says what the
 * routes do): every operation with its scope, parameters and answers, then the problem types.
 * No script and no outside stylesheet.
 */
export function ApiReferencePage({
  document,
  problems,
}: {
  document: ReturnType<typeof openApiDocument>;
  problems: typeof PROBLEMS;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })),
  );
  const tags = [...new Set(operations.flatMap((o) => o.op.tags))];
  return (
    <div class="page api-reference">
      <h1>{t("api.docs.heading")}</h1>
      <p class="lead" lang="en" dir="ltr">
        {document.info.description}
      </p>
      <p>
        <a href="/api/v1/openapi.json">{t("api.docs.openapi")}</a>
      </p>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`} lang="en" dir="ltr">
            {tag}
          </h2>
          {operations
            .filter((o) => o.op.tags.includes(tag))
            .map(({ path, method, op }) => (
              <article key={`${method} ${path}`} class="api-operation">
                <h3 dir="ltr">
                  <code>
                    {method.toUpperCase()} {path}
                  </code>
                </h3>
                <p lang="en" dir="ltr">
                  {op.summary}
                </p>
                <p>{op["x-scope"] ? t("api.docs.scope", { scope: op["x-scope"] }) : t("api.docs.public")}</p>
                {op.parameters.length > 0 ? (
                  <table class="admin-table">
                    <caption>{t("api.docs.parameters")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("api.docs.name")}</th>
                        <th scope="col">{t("api.docs.in")}</th>
                        <th scope="col">{t("api.docs.description")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr key={`${p.in}-${p.name}`}>
                          <th scope="row">
                            <code>{p.name}</code>
                          </th>
                          <td>{p.in}</td>
                          <td lang="en" dir="ltr">
                            {p.description ?? String(p.schema.type ?? "")}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {op.requestBody ? <p>{t("api.docs.body")}</p> : null}
                <ul>
                  {Object.entries(op.responses).map(([status, r]) => (
                    <li key={status} lang="en" dir="ltr">
                      <code>{status}</code> {r.description}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
        </section>
      ))}
      <section aria-labelledby="problems">
        <h2 id="problems">{t("api.docs.problems")}</h2>
        <dl>
          {Object.entries(problems).map(([type, p]) => (
            <div key={type} id={`problem-${type}`}>
              <dt dir="ltr">
                <code>{type}</code> ({p.status})
              </dt>
              <dd lang="en" dir="ltr">
                {p.title}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
