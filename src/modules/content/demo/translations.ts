import { DEMO_AR } from "./ar.ts";
import { DEMO_ES } from "./es.ts";
import { DEMO_FA } from "./fa.ts";
import { DEMO_FR } from "./fr.ts";
import { DEMO_NB } from "./nb.ts";
import type { DemoTranslation } from "./types.ts";

/** The demo content in every language besides English, by locale. */
export const DEMO_TRANSLATIONS: Record<string, DemoTranslation> = {
  nb: DEMO_NB,
  fr: DEMO_FR,
  es: DEMO_ES,
  ar: DEMO_AR,
  fa: DEMO_FA,
};
