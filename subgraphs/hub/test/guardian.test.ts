import { registryShowsParent, representative } from '../src/consent/guardian.js';
import { consentFlags } from '../src/consent/consents.js';

const inSetai = (relationshipCode: string, setaiNo = '0000000100') => ({ setaiNo, relationshipCode });
const resident = (atenaNo: string, relationshipCode: string, setaiNo = '0000000100') => ({
  atenaNo,
  setaiNo,
  relationshipCode,
  name: '山田\u3000花子',
});

describe('registryShowsParent', () => {
  it.each([
    ['子', '04', '世帯主', '01', true],
    ['子', '04', '妻', '02', true],
    ['子', '04', '夫', '03', true],
    ['孫', '07', '子', '04', true],
    ['孫', '07', '子の配偶者', '13', true],
    ['世帯主', '01', '母', '06', true],
    ['兄弟姉妹', '10', '父', '05', true],
    ['子', '04', '子', '04', false],
    ['子', '04', '祖母', '09', false],
    ['子', '04', '同居人', '12', false],
    ['孫', '07', '世帯主', '01', false],
    ['妻', '02', '母', '06', false],
    ['同居人', '12', '世帯主', '01', false],
  ])('a %s (%s) and a %s (%s): %s', (_, child, __, parent, shown) => {
    expect(registryShowsParent(inSetai(child), inSetai(parent))).toBe(shown);
  });

  it('never across 世帯, whatever the 続柄', () => {
    expect(registryShowsParent(inSetai('04', '0000000100'), inSetai('01', '0000000200'))).toBe(false);
  });
});

describe('representative', () => {
  const child = inSetai('04');
  it('verifies a parent the registry shows, named as a parent or by givenBy alone', () => {
    expect(representative(child, { name: '山田 花子', relationship: 'PARENT', personId: '1', resident: resident('1', '01') })).toMatchObject({
      relationship: 'PARENT',
      verified: true,
    });
    expect(representative(child, { name: '山田 花子', relationship: null, personId: '1', resident: resident('1', '02') })).toMatchObject({
      relationship: 'PARENT',
      verified: true,
    });
  });

  it('leaves unverified a parent living elsewhere, a 後見人, anyone the registry does not show as a parent', () => {
    expect(representative(child, { name: '山田 太郎', relationship: 'PARENT', personId: null, resident: undefined }).verified).toBe(false);
    expect(
      representative(child, { name: '山田 太郎', relationship: 'PARENT', personId: '2', resident: resident('2', '01', '0000000999') }).verified,
    ).toBe(false);
    expect(representative(child, { name: '弁護士 甲', relationship: 'LEGAL_GUARDIAN', personId: null, resident: undefined }).verified).toBe(false);
    // Even a 世帯主 named as ADULT_GUARDIAN: guardianship is in the 後見登記, not the registry.
    expect(representative(child, { name: '山田 花子', relationship: 'ADULT_GUARDIAN', personId: '1', resident: resident('1', '01') }).verified).toBe(
      false,
    );
    expect(representative(child, { name: '山田 次郎', relationship: null, personId: '3', resident: resident('3', '10') })).toMatchObject({
      relationship: 'OTHER_REPRESENTATIVE',
      verified: false,
    });
  });
});

describe('consentFlags', () => {
  const consent = { recordedOrg: 'KONKYU-SHAKYO', recipientOrgs: ['KAIGO-HOKATSU'], evidence: '同意書 2026-117', guardian: null };
  it('flags nothing in a consent recorded for another organisation, with evidence, given by the person', () => {
    expect(consentFlags(consent)).toEqual([]);
  });
  it("flags each thing worth a look, in the contract's order", () => {
    expect(
      consentFlags({
        ...consent,
        recipientOrgs: ['KAIGO-HOKATSU', 'KONKYU-SHAKYO'],
        evidence: null,
        guardian: { name: 'x', relationship: 'ADULT_GUARDIAN', personId: null, verified: false },
      }),
    ).toEqual(['SELF_RECIPIENT', 'NO_EVIDENCE', 'GUARDIAN_UNVERIFIED']);
    expect(consentFlags({ ...consent, guardian: { name: 'x', relationship: 'PARENT', personId: '1', verified: true } })).toEqual([]);
  });
});
