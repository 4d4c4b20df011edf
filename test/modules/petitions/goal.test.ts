import { describe, expect, it } from "vitest";
import { goalFor } from "../../../src/modules/petitions/goal.ts";

describe("the goal beside the count", () => {
  it.each([
    [0, 1000],
    [999, 1000],
    [1000, 5000],
    [4999, 5000],
    [5000, 10_000],
    [10_000, 25_000],
    [25_000, 50_000],
    [50_000, 100_000],
    [100_000, 250_000],
    [250_000, 500_000],
    [500_000, 1_000_000],
    [1_000_000, 2_500_000],
  ])("steps up from %i signatures to %i", (total, goal) => {
    expect(goalFor(total, null)).toBe(goal);
  });

  it("is always above the count", () => {
    for (let total = 0; total < 30_000_000; total = total * 3 + 7) expect(goalFor(total, null)).toBeGreaterThan(total);
  });

  it("is the campaign's own goal where it fixes one, even once passed", () => {
    expect(goalFor(10, 50_000)).toBe(50_000);
    expect(goalFor(70_000, 50_000)).toBe(50_000);
  });

  it("ignores a fixed goal of zero", () => {
    expect(goalFor(10, 0)).toBe(1000);
  });
});
