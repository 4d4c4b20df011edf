/** ISO 3166-1 alpha-2 codes of every country and territory, for checking a country field. */
export const COUNTRY_CODES =
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO
FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY
MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU
WF WS YE YT ZA ZM ZW`.split(/\s+/);

const CODES = new Set(COUNTRY_CODES);

export function isCountryCode(value: string): boolean {
  return CODES.has(value);
}

const sorted = new Map<string, { code: string; name: string }[]>();

/** The countries sorted by their names in a language, for a select list: sorted once per language. */
export function countriesByName(locale: string, name: (code: string) => string): { code: string; name: string }[] {
  let list = sorted.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = COUNTRY_CODES.map((code) => ({ code, name: name(code) })).sort((a, b) => collator.compare(a.name, b.name));
    sorted.set(locale, list);
  }
  return list;
}

/** A country to preselect: the region of the visitor's preferred language, if it names one. */
export function guessCountry(acceptLanguage: string | undefined, locale: string): string | undefined {
  const first = acceptLanguage?.split(",")[0]?.split(";")[0]?.trim();
  const region = first?.split("-")[1]?.toUpperCase();
  if (region && CODES.has(region)) return region;
  return LANGUAGE_COUNTRY[locale];
}

/** Languages spoken mainly in one country of those the site speaks. */
const LANGUAGE_COUNTRY: Record<string, string> = { nb: "NO", nn: "NO", no: "NO" };
