import fc from 'fast-check';
import { DEFAULT_FUNDING_RULE, describeRule, fundingRule, fundingSector, FUNDING_SECTORS, type SubjectOnDay } from '../src/figures/funding-rule.js';
import { ACTIVITIES, activityGrid, activityTable, attribute, monthBounds, type Activity } from '../src/figures/activity.js';

const subject = (age: number | null, certified = false, kodomoCategories: string[] = []): SubjectOnDay => ({ age, certified, kodomoCategories });

describe('按分: the funding sector of an activity', () => {
  it('follows the default rule: 65+ → KAIGO, 手帳/受給者証 → SHOGAI, under 18 or a pregnancy/child-rearing case → KODOMO, otherwise KONKYU', () => {
    const rule = DEFAULT_FUNDING_RULE;
    expect(fundingSector(rule, subject(65))).toBe('KAIGO');
    expect(fundingSector(rule, subject(64))).toBe('KONKYU');
    expect(fundingSector(rule, subject(80, true))).toBe('KAIGO');
    expect(fundingSector(rule, subject(40, true))).toBe('SHOGAI');
    expect(fundingSector(rule, subject(12, true))).toBe('SHOGAI');
    expect(fundingSector(rule, subject(17))).toBe('KODOMO');
    expect(fundingSector(rule, subject(18))).toBe('KONKYU');
    expect(fundingSector(rule, subject(30, false, ['特定妊婦']))).toBe('KODOMO');
    expect(fundingSector(rule, subject(30, false, ['要保護児童']))).toBe('KONKYU');
    expect(fundingSector(rule, subject(null))).toBe('KONKYU');
    expect(fundingSector(rule, null)).toBe('KONKYU');
  });

  it('is configurable (HUB_CASE_FUNDING_RULE) and refuses a rule it cannot read', () => {
    const rule = fundingRule('{"order":["SHOGAI","KAIGO","KODOMO"],"elderFrom":75}');
    expect(fundingSector(rule, subject(80, true))).toBe('SHOGAI');
    expect(fundingSector(rule, subject(70))).toBe('KONKYU');
    expect(describeRule(rule)).toContain('75歳以上→KAIGO');
    expect(fundingRule(undefined)).toEqual(DEFAULT_FUNDING_RULE);
    for (const bad of [
      'not json',
      '[]',
      '{"order":["KAIGO","KAIGO"]}',
      '{"elderFrom":-1}',
      '{"otherwise":"JUKI"}',
      '{"colour":"red"}',
      '{"kodomoCategories":[1]}',
    ]) {
      expect(() => fundingRule(bad)).toThrow(/HUB_CASE_FUNDING_RULE/);
    }
  });

  it('counts every activity exactly once, and the published rows add up to the totals (property)', () => {
    const activity = fc.record({
      kind: fc.constantFrom(...ACTIVITIES),
      personId: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null }),
      day: fc.constantFrom('2026-05-01', '2026-05-31'),
    });
    const subjects = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      fc.record({
        age: fc.option(fc.integer({ min: 0, max: 105 }), { nil: null }),
        certified: fc.boolean(),
        kodomoCategories: fc.subarray(['特定妊婦', '要保護児童']),
      }),
    );
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 400 }), subjects, fc.integer({ min: 3, max: 12 }), (activities: Activity[], known, threshold) => {
        const cells = attribute(activities, (id) => (id === null ? null : (known[id] ?? null)), DEFAULT_FUNDING_RULE);
        ACTIVITIES.forEach((kind, i) => expect(cells[i]!.reduce((s, n) => s + n, 0)).toBe(activities.filter((a) => a.kind === kind).length));
        const table = activityTable(cells, threshold);
        for (const total of table.totals) {
          const rows = table.rows.filter((r) => r.activity === total.activity);
          expect(rows).toHaveLength(FUNDING_SECTORS.length);
          if (total.count !== null && rows.every((r) => r.count !== null)) expect(rows.reduce((s, r) => s + r.count!, 0)).toBe(total.count);
          for (const r of rows) if (r.count !== null) expect(r.count === 0 || r.count >= threshold).toBe(true);
        }
        expect(activityGrid(table)).toHaveLength(ACTIVITIES.length + 2);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('reads a month as yyyy-mm and nothing else', () => {
    expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', next: '2026-03-01', last: '2026-02-28' });
    expect(monthBounds('2024-12')).toEqual({ first: '2024-12-01', next: '2025-01-01', last: '2024-12-31' });
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-00', '']) expect(monthBounds(bad)).toBeNull();
  });
});
