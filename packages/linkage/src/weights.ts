/** Fields compared when a record carries no usable 宛名番号. */
export const MATCH_FIELDS = ['kana', 'birthDate', 'sex', 'name', 'address'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/**
 * Fellegi–Sunter: m is how often a field agrees for the same person, u how often by chance for two
 * different people. Agreement adds log2(m/u), disagreement log2((1-m)/(1-u)), a missing field nothing.
 */
export type Weights = Record<MatchField, { m: number; u: number }>;

export const DEFAULT_WEIGHTS: Weights = {
  kana: { m: 0.95, u: 0.002 },
  birthDate: { m: 0.97, u: 0.0003 },
  sex: { m: 0.98, u: 0.5 },
  name: { m: 0.9, u: 0.001 },
  address: { m: 0.8, u: 0.001 },
};

/** Below this a candidate is not worth a person's time. */
export const QUEUE_THRESHOLD = 4;

export function fieldWeight(weights: Weights, field: MatchField, agrees: boolean): number {
  const { m, u } = weights[field];
  return agrees ? Math.log2(m / u) : Math.log2((1 - m) / (1 - u));
}
