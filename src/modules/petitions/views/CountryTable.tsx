import { usePage } from "../../../views/context.ts";

/** Signatures by country, as a table (the map shows the same numbers). */
export function CountryTable({ rows }: { rows: { country: string; total: number }[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  if (rows.length === 0) return null;
  return (
    <table class="country-table">
      <caption>{t("petition.byCountry.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("petition.byCountry.country")}</th>
          <th scope="col">{t("petition.byCountry.signatures")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.country}>
            <th scope="row">{i18n.countryName(r.country)}</th>
            <td>{i18n.formatNumber(r.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RecentSigners({ signers }: { signers: { id: number; firstName: string; country: string }[] }) {
  const { i18n } = usePage();
  if (signers.length === 0) return null;
  return (
    <section class="recent-signers" aria-labelledby="recent-signers-heading">
      <h2 id="recent-signers-heading">{i18n.t("petition.recent.heading")}</h2>
      <ul>
        {signers.map((s) => (
          <li key={s.id}>
            {i18n.t("petition.recent.signer", { name: s.firstName, country: i18n.countryName(s.country) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
