import fc from 'fast-check';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { decisionKindsFor } from '../src/screens/cases/decision-kinds.js';
import { caseRefusalText } from '../src/screens/cases/case-error-words.js';
import { accessLabel, dateJa } from '../src/labels.js';
import { isExpired, sessionFromToken } from '../src/session/session.js';
import { cellText, toCsv, type LabelledTable } from '../src/screens/analyst/table-model.js';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: unknown): string => `${b64url({ alg: 'HS256' })}.${b64url(claims)}.c2ln`;

describe("the household card's words (issue 17, item 2)", () => {
  it.each([
    ['GRANTED', 'OWN_SECTOR', '閲覧可（自分野）'],
    ['GRANTED', 'CONSENT', '閲覧可（同意）'],
    ['GRANTED', 'SUPPORT_MEETING', '閲覧可（支援会議）'],
    ['DENIED', null, '閲覧不可'],
    ['DENIED', 'OWN_SECTOR', '閲覧不可'],
  ])('%s on %s reads %s', (status, basis, text) => {
    expect(accessLabel(status, basis)).toBe(text);
  });

  it('reads a date the Japanese way and leaves what it cannot read as it is', () => {
    expect(dateJa('2026-04-01')).toBe('2026年4月1日');
    expect(dateJa(null)).toBe('—');
    expect(dateJa('R8.4.1')).toBe('R8.4.1');
  });
});

describe('a pasted token', () => {
  it('gives the staff id, organisation, roles and expiry of its claims (display only: the gateway verifies)', () => {
    expect(sessionFromToken(`  ${jwt({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU', roles: ['coordinator', 7], exp: 4102444800 })}\n`)).toEqual({
      token: jwt({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU', roles: ['coordinator', 7], exp: 4102444800 }),
      staffId: 'kaigo-01',
      orgId: 'KAIGO-HOKATSU',
      roles: ['coordinator'],
      expiresAt: 4102444800,
    });
  });

  it('reads UTF-8 claims (a name in Japanese) through base64url', () => {
    expect(sessionFromToken(jwt({ sub: '介護-01', org: '包括', exp: 1 }))?.staffId).toBe('介護-01');
  });

  it.each([
    ['not a JWT', 'hello'],
    ['two parts', 'a.b'],
    ['claims not JSON', 'a.bm90IGpzb24.c'],
    ['no org', jwt({ sub: 's', exp: 1 })],
    ['no exp', jwt({ sub: 's', org: 'o' })],
    ['sub not a string', jwt({ sub: 1, org: 'o', exp: 1 })],
  ])('is refused when %s', (_, token) => {
    expect(sessionFromToken(token)).toBeNull();
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string(), (s) => void sessionFromToken(s)),
      { numRuns: 2000 },
    );
  });

  it('knows when it has expired', () => {
    const session = sessionFromToken(jwt({ sub: 's', org: 'o', exp: 1000 }))!;
    expect(isExpired(session, 999_000)).toBe(false);
    expect(isExpired(session, 1_000_000)).toBe(true);
  });
});

describe("an analyst's table as a file", () => {
  const table: LabelledTable = {
    title: '世帯の状況',
    rowHeader: '地区',
    columns: ['8050', 'ダブルケア'],
    rows: [
      { label: '地区 0101', values: [12, null] },
      { label: 'A "quoted", name\nwith a line', values: [0, 3] },
    ],
    note: '',
  };

  it('is CSV with a BOM, labels, 秘匿 for a suppressed cell and RFC 4180 quoting', () => {
    expect(toCsv(table)).toBe('\uFEFF地区,8050,ダブルケア\r\n地区 0101,12,秘匿\r\n"A ""quoted"", name\nwith a line",0,3\r\n');
  });

  it('shows a suppressed cell as 秘匿, never as 0', () => {
    expect(cellText(null)).toBe('秘匿');
    expect(cellText(0)).toBe('0');
    expect(cellText(12345)).toBe('12,345');
  });
});

describe('case work (cases.md)', () => {
  it('offers the decisions a meeting may record at each stage, and none once closed', () => {
    const at = (stage: Parameters<typeof decisionKindsFor>[0]['stage'], withoutConsent = false, planApproved = false) =>
      decisionKindsFor({ stage, withoutConsent, planApproved });
    expect(at('INTAKE', true)).toEqual(['OUTREACH_PLANNED']);
    expect(at('PLANNING')).toEqual(['PLAN_APPROVED']);
    expect(at('PLANNING', true)).toEqual(['OUTREACH_PLANNED']);
    expect(at('ACTIVE', false, true)).toEqual(['EVALUATED', 'PARTICIPATION_NEEDED']);
    expect(at('ACTIVE', false, false)).toEqual(['PLAN_APPROVED', 'EVALUATED', 'PARTICIPATION_NEEDED']);
    expect(at('MONITORING', false, true)).toContain('CLOSURE_APPROVED');
    expect(at('CLOSED')).toEqual([]);
  });

  it("puts the hub's refusal of a step into Japanese, and leaves other errors to the common words", () => {
    const refused = (message: string, code = 'BAD_USER_INPUT') =>
      new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, field: 'caseId' } }] });
    expect(caseRefusalText(refused('Record an assessment (recordAssessment) before proposing a plan'))).toBe(
      '入力を確認してください：支援プランの前に、アセスメントを記録してください。',
    );
    expect(caseRefusalText(refused('at is in the future: log a contact once it happened'))).toContain('日時が未来です');
    expect(caseRefusalText(refused('something new'))).toBeNull();
    expect(caseRefusalText(refused('Forbidden', 'FORBIDDEN'))).toBeNull();
    expect(caseRefusalText(new Error('offline'))).toBeNull();
  });
});
