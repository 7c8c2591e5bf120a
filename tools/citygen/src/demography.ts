import type { Random } from './random.js';

/**
 * Share of the population in each 5-year age band (0–4, 5–9, …, 95–99, 100+), after the shape of a
 * Japanese city in the mid-2020s: about 12% under 15 and 29% aged 65 and over.
 */
export const AGE_PYRAMID: readonly number[] = [
  3.6, 4.0, 4.3, 4.5, 5.0, 5.1, 5.1, 5.7, 6.3, 7.6, 7.5, 6.5, 6.0,
  6.0, 7.5, 6.0, 4.9, 3.3, 1.6, 0.45, 0.07,
];

const OLDEST = 104;

/** Weight of one year of age: its band's share spread over the band's years. */
function yearWeight(age: number): number {
  const band = Math.min(Math.floor(age / 5), AGE_PYRAMID.length - 1);
  const years = band === AGE_PYRAMID.length - 1 ? OLDEST - 100 + 1 : 5;
  return AGE_PYRAMID[band]! / years;
}

const cumulative = (() => {
  const sums = new Float64Array(OLDEST + 2);
  for (let age = 0; age <= OLDEST; age++) sums[age + 1] = sums[age]! + yearWeight(age);
  return sums;
})();

/**
 * An age in [min, max] drawn as the city's pyramid has them: so that a household's members come out with
 * the ages people of their role really have, and the whole city with the pyramid's shape.
 */
export function drawAge(random: Random, min: number, max: number): number {
  const lo = Math.max(0, min);
  const hi = Math.min(OLDEST, max);
  if (hi <= lo) return lo;
  const target = cumulative[lo]! + random.next() * (cumulative[hi + 1]! - cumulative[lo]!);
  let age = lo;
  while (age < hi && cumulative[age + 1]! <= target) age++;
  return age;
}

/** An age near `center`, spread evenly by `spread` either side, kept in [min, max]. */
export function ageAround(random: Random, center: number, spread: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, center + random.int(-spread, spread)));
}
