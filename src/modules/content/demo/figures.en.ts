import type { FigureStyle } from "../../../db/tables.ts";

export interface DemoFigure {
  value: number | null;
  style: FigureStyle;
  label: string;
  source: string;
  sourceUrl: string | null;
  asOf: string | null;
}

/** The "in numbers" block of the demo: each figure with its source and date. */
export const FIGURES_EN: DemoFigure[] = [
  {
    value: 22_300_000,
    style: "compact",
    label: "refugees worldwide",
    source: "UNHCR",
    sourceUrl: null,
    asOf: "2017-08",
  },
  {
    value: 0.87,
    style: "percent",
    label:
      "of young people surveyed across the world are ready to welcome refugees into their country, their community or their home",
    source: "global survey of young people",
    sourceUrl: null,
    asOf: "2017",
  },
  {
    // The source gives no figure here, so the block holds none and is not shown.
    value: null,
    style: "percent",
    label: "of refugees live in developing regions",
    source: "UNHCR",
    sourceUrl: null,
    asOf: null,
  },
];
