/**
 * 按分: the funding sector an activity is reported under in the 実績報告. Each consultation, contact and case counts once,
 * under the funding sector of its subject, by the rule the municipality configures (HUB_CASE_FUNDING_RULE). The default
 * (cases.md): 65 or over → KAIGO (the 地域包括 grant is for 65+ work only, 002:364-372); a 手帳 or 受給者証 → SHOGAI;
 * under 18, or a pregnant/child-rearing case of こども → KODOMO; otherwise KONKYU.
 */

export const FUNDING_SECTORS = ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'] as const;
export type FundingSector = (typeof FUNDING_SECTORS)[number];
type Test = 'KAIGO' | 'SHOGAI' | 'KODOMO';

export interface FundingRule {
  /** The tests in the order they are tried; the first that holds decides. */
  order: Test[];
  elderFrom: number;
  childUnder: number;
  /** こども case categories that count as pregnancy or child-rearing (特定妊婦, 利用者支援, …). */
  kodomoCategories: string[];
  /** When no test holds, or the subject is not known. */
  otherwise: FundingSector;
}

export const DEFAULT_FUNDING_RULE: FundingRule = {
  order: ['KAIGO', 'SHOGAI', 'KODOMO'],
  elderFrom: 65,
  childUnder: 18,
  kodomoCategories: ['特定妊婦', '利用者支援', '子育て世帯訪問支援'],
  otherwise: 'KONKYU',
};

/** What the rule reads of a subject on the day of the activity. */
export interface SubjectOnDay {
  /** Whole years on that day; null when the registry does not know the person. */
  age: number | null;
  /** A 障害者手帳 or a 障害福祉サービス受給者証 valid that day. */
  certified: boolean;
  /** The categories of the こども cases open about the person that day. */
  kodomoCategories: readonly string[];
}

/** The funding sector of one activity; a subject not identified falls to `otherwise`. */
export function fundingSector(rule: FundingRule, subject: SubjectOnDay | null): FundingSector {
  if (!subject) return rule.otherwise;
  for (const test of rule.order) {
    if (test === 'KAIGO' && subject.age !== null && subject.age >= rule.elderFrom) return 'KAIGO';
    if (test === 'SHOGAI' && subject.certified) return 'SHOGAI';
    if (
      test === 'KODOMO' &&
      ((subject.age !== null && subject.age < rule.childUnder) || subject.kodomoCategories.some((c) => rule.kodomoCategories.includes(c)))
    )
      return 'KODOMO';
  }
  return rule.otherwise;
}

/** The rule in words, printed on the report so that a 所管課 can see what it was attributed by. */
export function describeRule(rule: FundingRule): string {
  const tests = rule.order.map((t) =>
    t === 'KAIGO'
      ? `${rule.elderFrom}歳以上→KAIGO`
      : t === 'SHOGAI'
        ? '手帳・受給者証→SHOGAI'
        : `${rule.childUnder}歳未満・こども(${rule.kodomoCategories.join('/')})→KODOMO`,
  );
  return `${tests.join('; ')}; それ以外→${rule.otherwise}`;
}

/**
 * HUB_CASE_FUNDING_RULE: JSON with any of order, elderFrom, childUnder, kodomoCategories, otherwise; the rest stays the
 * default. A rule that cannot be read stops the start, naming what is wrong.
 */
export function fundingRule(raw: string | undefined): FundingRule {
  if (raw === undefined || raw.trim() === '') return DEFAULT_FUNDING_RULE;
  let given: Record<string, unknown>;
  try {
    given = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new Error('HUB_CASE_FUNDING_RULE must be JSON');
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new Error('HUB_CASE_FUNDING_RULE must be a JSON object');
  const rule = { ...DEFAULT_FUNDING_RULE, ...given } as FundingRule;
  const known = new Set(Object.keys(DEFAULT_FUNDING_RULE));
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`HUB_CASE_FUNDING_RULE: unknown ${unknown.join(', ')}`);
  const tests: readonly string[] = ['KAIGO', 'SHOGAI', 'KODOMO'];
  if (!Array.isArray(rule.order) || rule.order.some((t) => !tests.includes(t)) || new Set(rule.order).size !== rule.order.length) {
    throw new Error('HUB_CASE_FUNDING_RULE: order lists KAIGO, SHOGAI, KODOMO at most once each');
  }
  for (const k of ['elderFrom', 'childUnder'] as const) {
    if (!Number.isInteger(rule[k]) || rule[k] < 0 || rule[k] > 130) throw new Error(`HUB_CASE_FUNDING_RULE: ${k} must be a whole number of years`);
  }
  if (!Array.isArray(rule.kodomoCategories) || rule.kodomoCategories.some((c) => typeof c !== 'string'))
    throw new Error('HUB_CASE_FUNDING_RULE: kodomoCategories must be a list of strings');
  if (!(FUNDING_SECTORS as readonly string[]).includes(rule.otherwise)) throw new Error('HUB_CASE_FUNDING_RULE: otherwise must be a sector');
  return rule;
}
