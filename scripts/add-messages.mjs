// Adds messages to every catalog at once, so no language is ever missing a key.
//   node scripts/add-messages.mjs new-messages.json [--replace]
// The file maps each key to its text in every locale: { "a.key": { "en": "…", "nb": "…", … } }.
// Keys already present are refused unless --replace is given.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const DIR = "src/modules/i18n/catalogs";
const LOCALES = ["en", "nb", "fr", "es", "ar", "fa"];
const [file, flag] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/add-messages.mjs new-messages.json [--replace]");
  process.exit(2);
}
const additions = JSON.parse(readFileSync(file, "utf8"));
const problems = [];
for (const [key, texts] of Object.entries(additions)) {
  for (const locale of LOCALES) {
    if (typeof texts?.[locale] !== "string" || texts[locale].trim() === "") problems.push(`${key}: no ${locale}`);
  }
}
const catalogs = Object.fromEntries(
  LOCALES.map((locale) => [locale, JSON.parse(readFileSync(join(DIR, `${locale}.json`), "utf8"))]),
);
if (flag !== "--replace") {
  for (const key of Object.keys(additions)) if (key in catalogs.en) problems.push(`${key}: already there`);
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
for (const locale of LOCALES) {
  for (const [key, texts] of Object.entries(additions)) catalogs[locale][key] = texts[locale];
  writeFileSync(join(DIR, `${locale}.json`), `${JSON.stringify(catalogs[locale], null, 2)}\n`);
}
console.log(`${Object.keys(additions).length} messages in ${LOCALES.length} catalogs`);
