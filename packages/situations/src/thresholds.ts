/**
 * The operational definitions of ../shared/domain/situations.md, in one place a municipality can change
 * (HUB_SITUATION_THRESHOLDS, JSON, any subset of these keys).
 */
export interface SituationThresholds {
  /** 8050: the elder is at least this old. */
  elderFrom: number;
  /** 8050: the elder's child is within these ages. */
  childFrom: number;
  childTo: number;
  /** ダブルケア: a member under this age. */
  youngChildUnder: number;
  /**
   * ヤングケアラー: a member under this age (18 by default). Since 2024 the law (子ども・若者育成支援推進法2条7号) also counts
   * young adults who care for family, and a municipality may raise it: the recorded and the inferred rule both follow.
   */
  minorUnder: number;
  /** … and, for the inferred case, no other member within these ages free of a care need. */
  adultFrom: number;
  adultTo: number;
  /** A consultation about ひきこもり: its category or summary contains one of these. */
  hikikomoriWords: string[];
}

export const DEFAULT_THRESHOLDS: SituationThresholds = {
  elderFrom: 75, childFrom: 40, childTo: 64, youngChildUnder: 6, minorUnder: 18, adultFrom: 18, adultTo: 64,
  hikikomoriWords: ['ひきこもり', '引きこもり', '引き籠もり', 'ひき籠もり'],
};

const AGES = ['elderFrom', 'childFrom', 'childTo', 'youngChildUnder', 'minorUnder', 'adultFrom', 'adultTo'] as const;

/**
 * HUB_SITUATION_THRESHOLDS read at start: a value that is not JSON, a key the rules do not know (a typo would silently
 * keep the default), an age that is not a whole number of years or a range upside down stops the start with its name.
 */
export function situationThresholds(env: NodeJS.ProcessEnv = process.env): SituationThresholds {
  const raw = env['HUB_SITUATION_THRESHOLDS'];
  if (!raw) return DEFAULT_THRESHOLDS;
  let given: unknown;
  try {
    given = JSON.parse(raw);
  } catch {
    throw new Error('HUB_SITUATION_THRESHOLDS must be a JSON object');
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new Error('HUB_SITUATION_THRESHOLDS must be a JSON object');
  for (const key of Object.keys(given)) {
    if (!(key in DEFAULT_THRESHOLDS)) throw new Error(`HUB_SITUATION_THRESHOLDS.${key} is not a threshold (known: ${Object.keys(DEFAULT_THRESHOLDS).join(', ')})`);
  }
  const merged = { ...DEFAULT_THRESHOLDS, ...(given as Partial<SituationThresholds>) };
  for (const key of AGES) {
    if (!Number.isInteger(merged[key]) || merged[key] < 0 || merged[key] > 150) throw new Error(`HUB_SITUATION_THRESHOLDS.${key} must be an age in whole years`);
  }
  if (merged.childFrom > merged.childTo) throw new Error('HUB_SITUATION_THRESHOLDS.childFrom must not be above childTo');
  if (merged.adultFrom > merged.adultTo) throw new Error('HUB_SITUATION_THRESHOLDS.adultFrom must not be above adultTo');
  const words = merged.hikikomoriWords as unknown;
  if (!Array.isArray(words) || words.length === 0 || !words.every((w) => typeof w === 'string' && w.trim() !== '')) {
    throw new Error('HUB_SITUATION_THRESHOLDS.hikikomoriWords must be a list of words');
  }
  return merged;
}
