/**
 * The case subgraph's configuration: the 課題 codes an assessment may use and the 按分 rule of the 実績報告, each from
 * a variable a municipality sets (given here as written by the launcher's configuration), checked at start so that a
 * typo stops the start instead of a report.
 */

/**
 * The 課題 (difficulty factors) of an assessment. The default list follows the factors 桑名市 counted in its case review
 * (家族関係, 認知症, 拒否・気質, … : 1,437 factors over 265 cases, 001:55-61) and the 困窮 intake's 主訴 (001:70).
 */
export const DEFAULT_ISSUES: Readonly<Record<string, string>> = {
  FAMILY: '家族関係',
  DEMENTIA: '認知症',
  REFUSAL: '拒否・気質',
  POVERTY: '経済的困窮',
  DEBT: '滞納・債務',
  EMPLOYMENT: '就労',
  HOUSING: '住まい',
  ILLNESS: '病気・医療',
  MENTAL: '精神的不調',
  DISABILITY: '障害 (疑いを含む)',
  HIKIKOMORI: 'ひきこもり',
  SCHOOL: '不登校・学校',
  ABUSE: '虐待・ネグレクト',
  CARE: '介護',
  CHILDCARE: '子育て',
  ADDICTION: '依存症',
  ISOLATION: '社会的孤立',
  NO_SUPPORTER: '支援者不在 (身元保証・医療同意)',
  OTHER: 'その他',
};

/** HUB_CASE_ISSUES: a JSON object code → label replacing the default list. */
export function issueCodes(raw: string | undefined): Map<string, string> {
  if (raw === undefined || raw.trim() === '') return new Map(Object.entries(DEFAULT_ISSUES));
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('HUB_CASE_ISSUES must be a JSON object of code → label');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('HUB_CASE_ISSUES must be a JSON object of code → label');
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length === 0) throw new Error('HUB_CASE_ISSUES names no code');
  for (const [code, label] of entries) {
    if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(code) || typeof label !== 'string' || label.trim() === '') {
      throw new Error(`HUB_CASE_ISSUES: ${JSON.stringify(code)} must be an upper-case code with a label`);
    }
  }
  return new Map(entries as [string, string][]);
}
