export { decodeCp932, encodeCp932 } from './cp932.js';
export { isValidCalendarDate, isoDate, parseSeirekiCompact, parseTimestamp14, todayInTokyo, type IsoDate } from './calendar.js';
export { ERAS, eraOf, fromEra, parseWarekiCode, parseWarekiText, toWarekiCode, toWarekiText, type Era } from './wareki.js';
export { hiraganaToKatakana, normaliseKanaForMatch, toFullwidthKatakana } from './kana.js';
export { foldItaiji, normaliseNameForMatch } from './itaiji.js';
export { toHalfwidthKatakana } from './halfwidth.js';
