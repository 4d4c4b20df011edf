import type { GeoContext } from "d3-geo";

/** Tenths of a unit: one decimal place, the precision the map's path data is written with. */
const SCALE = 10;

function num(tenths: number): string {
  const s = String(tenths / SCALE);
  if (s.startsWith("0.")) return s.slice(1);
  if (s.startsWith("-0.")) return `-${s.slice(2)}`;
  return s;
}

/** A pair of numbers as SVG path data, with no separator where a minus sign already separates. */
function pair(x: number, y: number): string {
  const b = num(y);
  return `${num(x)}${b.startsWith("-") ? "" : ","}${b}`;
}

/**
 * A d3-geo path context that writes compact SVG path data: coordinates rounded to one
 * decimal, relative moves and lines, repeated points dropped, and rings that collapse to
 * fewer than three distinct points at this precision (islands smaller than a pixel) left out.
 * Rounding happens on absolute positions, so relative steps never drift.
 */
export class CompactPathContext implements GeoContext {
  #out = "";
  // The current point (after the last kept ring) and the start of the last kept ring, in tenths.
  #x = 0;
  #y = 0;
  #ring = "";
  #ringPoints = 0;
  #ringX = 0;
  #ringY = 0;
  #px = 0;
  #py = 0;
  #inRing = false;

  moveTo(x: number, y: number): void {
    this.#flush();
    const X = Math.round(x * SCALE);
    const Y = Math.round(y * SCALE);
    this.#ring = `${this.#out === "" ? "M" : "m"}${this.#out === "" ? pair(X, Y) : pair(X - this.#x, Y - this.#y)}`;
    this.#ringPoints = 1;
    this.#ringX = X;
    this.#ringY = Y;
    this.#px = X;
    this.#py = Y;
    this.#inRing = true;
  }

  lineTo(x: number, y: number): void {
    const X = Math.round(x * SCALE);
    const Y = Math.round(y * SCALE);
    if (X === this.#px && Y === this.#py) return;
    const step = pair(X - this.#px, Y - this.#py);
    // After an absolute "M" the first step needs an "l"; after a relative "m" further pairs are
    // implicit relative lines, and a minus sign separates a pair as well as a space does.
    const sep = this.#ringPoints === 1 && this.#out === "" ? "l" : step.startsWith("-") ? "" : " ";
    this.#ring += sep + step;
    this.#ringPoints++;
    this.#px = X;
    this.#py = Y;
  }

  closePath(): void {
    if (!this.#inRing) return;
    // A closed polygon needs three corners; a line (from clipping) needs two.
    if (this.#ringPoints >= 3) this.#commit(`${this.#ring}z`, this.#ringX, this.#ringY);
    this.#inRing = false;
  }

  beginPath(): void {
    // Each ring starts with moveTo; nothing to do here.
  }

  arc(): void {
    // Points are never drawn on this map.
  }

  result(): string {
    this.#flush();
    const out = this.#out;
    this.#out = "";
    return out;
  }

  #flush(): void {
    // An open line (never closed) is kept when it has two distinct points.
    if (this.#inRing && this.#ringPoints >= 2) this.#commit(this.#ring, this.#px, this.#py);
    this.#inRing = false;
  }

  #commit(ring: string, endX: number, endY: number): void {
    this.#out += ring;
    this.#x = endX;
    this.#y = endY;
  }
}
