import { householdSituations, type MemberFacts, type SituationFacts } from '../src/index.js';

const DAY = '2026-11-22';
/** Born so as to be `age` on DAY, or to turn `age` tomorrow when `dayBefore` (the age border). */
const born = (age: number, dayBefore = false): string => `${2026 - age}-${dayBefore ? '11-23' : '11-22'}`;
const facts = (f: Partial<SituationFacts>): SituationFacts => ({ periods: [], consultations: [], cases: [], ...f });
const member = (id: string, birthDate: string, relationship: string, sectors: MemberFacts['sectors'] = {}): MemberFacts => ({ id, birthDate, relationship, sectors });
const care = (kind: string) => facts({ periods: [{ kind, from: '2026-01-01', until: '2027-12-31' }] });
const konkyuOpen = facts({ consultations: [{ date: '2026-10-01', open: true, text: '就労 収入' }] });
const kinds = (members: MemberFacts[]) => householdSituations(members, DAY).map((s) => s.kind);

describe('EIGHTY_FIFTY', () => {
  const elder = (age: number, dayBefore = false) => member('e', born(age, dayBefore), '世帯主');
  it('needs the elder to be 75: 74 the day before does not count', () => {
    expect(kinds([elder(75), member('c', born(50), '子', { KONKYU: konkyuOpen })])).toContain('EIGHTY_FIFTY');
    expect(kinds([elder(75, true), member('c', born(50), '子', { KONKYU: konkyuOpen })])).not.toContain('EIGHTY_FIFTY');
  });
  it('needs the child to be 40 to 64 (39/40, 64/65)', () => {
    for (const [age, dayBefore, expected] of [[40, false, true], [40, true, false], [64, false, true], [65, false, false], [65, true, true]] as const) {
      expect(kinds([elder(80), member('c', born(age, dayBefore), '子', { KONKYU: konkyuOpen })]).includes('EIGHTY_FIFTY')).toBe(expected);
    }
  });
  it('takes a 世帯主 whose parent lives with them, and not an unrelated member', () => {
    expect(kinds([member('e', born(82), '母'), member('c', born(52), '世帯主', { SHOGAI: facts({ periods: [{ kind: 'TECHO', from: '2010-01-01', until: null }] }) })])).toContain('EIGHTY_FIFTY');
    expect(kinds([elder(82), member('c', born(52), '同居人', { KONKYU: konkyuOpen })])).not.toContain('EIGHTY_FIFTY');
  });
  it('counts a consultation about ひきこもり in any sector, with that sector as evidence', () => {
    const [s] = householdSituations([elder(80), member('c', born(50), '子', { KAIGO: facts({ consultations: [{ date: '2026-05-01', open: false, text: '家族 ひきこもりの息子' }] }) })], DAY);
    expect(s).toEqual({ kind: 'EIGHTY_FIFTY', personIds: ['c', 'e'], evidence: ['KAIGO'], inferred: false });
  });
  it('is not seen by a viewer without the konkyu facts it rests on', () => {
    expect(kinds([elder(80), member('c', born(50), '子', { KONKYU: null })])).toEqual([]);
  });
  it('does not count a closed 困窮 consultation', () => {
    expect(kinds([elder(80), member('c', born(50), '子', { KONKYU: facts({ consultations: [{ date: '2026-01-01', open: false, text: '' }] }) })])).toEqual([]);
  });
});

describe('DOUBLE_CARE', () => {
  it('needs a member under 6 (5/6) and a current 要支援/要介護 or 障害支援区分', () => {
    expect(kinds([member('g', born(78), '母', { KAIGO: care('SUPPORT_1') }), member('k', born(5), '子')])).toEqual(['DOUBLE_CARE']);
    expect(kinds([member('g', born(78), '母', { KAIGO: care('SUPPORT_1') }), member('m', born(35), '世帯主'), member('k', born(6), '子')])).toEqual([]);
    expect(kinds([member('g', born(78), '母', { KAIGO: care('SUPPORT_1') }), member('m', born(35), '世帯主'), member('k', born(6, true), '子')])).toEqual(['DOUBLE_CARE']);
  });
  it('does not count 事業対象者 or an expired certification', () => {
    expect(kinds([member('g', born(78), '母', { KAIGO: care('PROGRAM_ELIGIBLE') }), member('m', born(35), '世帯主'), member('k', born(2), '子')])).toEqual([]);
    const expired = facts({ periods: [{ kind: 'CARE_2', from: '2024-01-01', until: '2026-11-21' }] });
    expect(kinds([member('g', born(78), '母', { KAIGO: expired }), member('m', born(35), '世帯主'), member('k', born(2), '子')])).toEqual([]);
  });
  it('takes a 障害支援区分 as the care need, with SHOGAI as evidence', () => {
    const [s] = householdSituations([member('f', born(40), '夫', { SHOGAI: care('SHIEN_KUBUN') }), member('m', born(35), '世帯主'), member('k', born(1), '子')], DAY);
    expect(s).toEqual({ kind: 'DOUBLE_CARE', personIds: ['f', 'k'], evidence: ['SHOGAI'], inferred: false });
  });
});

describe('YOUNG_CARER', () => {
  const flagged = facts({ cases: [{ openedOn: '2026-04-01', closedOn: null, open: true, youngCarer: true }] });
  it('is recorded for a member under 18 (17/18) with a flagged kodomo case', () => {
    expect(householdSituations([member('m', born(45), '世帯主'), member('k', born(17), '子', { KODOMO: flagged })], DAY)).toEqual([
      { kind: 'YOUNG_CARER', personIds: ['k'], evidence: ['KODOMO'], inferred: false },
    ]);
    expect(kinds([member('m', born(45), '世帯主'), member('k', born(18), '子', { KODOMO: flagged })])).toEqual([]);
  });
  it('is inferred when a member needs care and no member is 18 to 64', () => {
    const household = [member('g', born(70), '世帯主', { KAIGO: care('CARE_3') }), member('k', born(14), '孫')];
    expect(householdSituations(household, DAY)).toEqual([{ kind: 'YOUNG_CARER', personIds: ['g', 'k'], evidence: ['KAIGO'], inferred: true }]);
    expect(kinds([...household, member('a', born(64), '子')])).toEqual([]);
    expect(kinds([...household, member('a', born(65), '子')])).toEqual(['YOUNG_CARER']);
    expect(kinds([member('g', born(70), '世帯主', { KAIGO: care('SUPPORT_2') }), member('k', born(14), '孫')])).toEqual([]);
  });
});

describe('MULTI_SECTOR', () => {
  it('needs two sectors among the members, as far as the viewer sees', () => {
    const household = [member('a', born(70), '世帯主', { KAIGO: care('PROGRAM_ELIGIBLE') }), member('b', born(40), '子', { KONKYU: konkyuOpen })];
    expect(householdSituations(household, DAY)).toEqual([{ kind: 'MULTI_SECTOR', personIds: ['a', 'b'], evidence: ['KAIGO', 'KONKYU'], inferred: false }]);
    expect(kinds([household[0]!, { ...household[1]!, sectors: { KONKYU: null } }])).toEqual([]);
  });
  it('uses the reference date: a case opened after it does not count', () => {
    const later = facts({ cases: [{ openedOn: '2026-12-01', closedOn: null, open: true, youngCarer: false }] });
    expect(kinds([member('a', born(70), '世帯主', { KAIGO: care('CARE_1') }), member('b', born(10), '孫', { KODOMO: later }), member('c', born(40), '子')])).toEqual([]);
  });
});
