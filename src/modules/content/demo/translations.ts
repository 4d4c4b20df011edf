import type { DemoTranslation } from "./types.ts";

/** The demo content in every language besides English, by locale. */
export const DEMO_TRANSLATIONS: Record<string, DemoTranslation> = {};
