/**
 * The goal shown beside the count: the campaign's own, or the next step above the count,
 * on the 1 – 2.5 – 5 ladder from 1,000 (1,000 → 5,000 → 10,000 → 25,000 → 50,000 → 100,000
 * → 250,000 → 500,000 → 1,000,000 → 2,500,000 …), so a growing petition always has one.
 */
export function goalFor(total: number, fixedGoal: number | null): number {
  if (fixedGoal !== null && fixedGoal > 0) return fixedGoal;
  if (total < 1000) return 1000;
  if (total < 5000) return 5000;
  let decade = 10_000;
  for (;;) {
    for (const step of [1, 2.5, 5]) {
      const goal = decade * step;
      if (total < goal) return goal;
    }
    decade *= 10;
  }
}
