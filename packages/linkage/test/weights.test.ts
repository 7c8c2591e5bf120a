import { DEFAULT_WEIGHTS, MATCH_FIELDS, QUEUE_THRESHOLD, fieldWeight } from '../src/weights.js';

describe('fieldWeight (Fellegi–Sunter)', () => {
  it('adds log2(m/u) for an agreement and log2((1-m)/(1-u)) for a disagreement', () => {
    expect(fieldWeight(DEFAULT_WEIGHTS, 'kana', true)).toBeCloseTo(8.892, 3);
    expect(fieldWeight(DEFAULT_WEIGHTS, 'kana', false)).toBeCloseTo(-4.319, 3);
    expect(fieldWeight(DEFAULT_WEIGHTS, 'birthDate', true)).toBeCloseTo(11.659, 3);
    expect(fieldWeight(DEFAULT_WEIGHTS, 'sex', false)).toBeCloseTo(-4.644, 3);
  });

  it('uses the weights it is given, not the defaults', () => {
    const even = { ...DEFAULT_WEIGHTS, sex: { m: 0.5, u: 0.5 } };
    expect(fieldWeight(even, 'sex', true)).toBe(0);
    expect(fieldWeight(even, 'sex', false)).toBe(0);
  });

  // If a default field's agreement ever weighed against a match, more agreeing fields would lower a score.
  it.each(MATCH_FIELDS)('makes agreement on %s count for a match and disagreement against it', (field) => {
    expect(fieldWeight(DEFAULT_WEIGHTS, field, true)).toBeGreaterThan(0);
    expect(fieldWeight(DEFAULT_WEIGHTS, field, false)).toBeLessThan(0);
  });

  it('queues on the reading or the birth date alone, never on the sex alone', () => {
    expect(fieldWeight(DEFAULT_WEIGHTS, 'kana', true)).toBeGreaterThanOrEqual(QUEUE_THRESHOLD);
    expect(fieldWeight(DEFAULT_WEIGHTS, 'birthDate', true)).toBeGreaterThanOrEqual(QUEUE_THRESHOLD);
    expect(fieldWeight(DEFAULT_WEIGHTS, 'sex', true)).toBeLessThan(QUEUE_THRESHOLD);
  });
});
