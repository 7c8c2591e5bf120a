export { decodeCp932, encodeCp932 } from './cp932.js';
export { isValidCalendarDate, isoDate, parseIsoDate, parseSeirekiCompact, parseTimestamp14, todayInTokyo, type IsoDate } from './calendar.js';
export { ERAS, eraOf, fromEra, toEraDate, type Era, type EraDate } from './eras.js';
export { parseWarekiCode, toWarekiCode } from './wareki-code.js';
export { parseWarekiText, toWarekiText, type WarekiTextStyle } from './wareki-text.js';
export { hiraganaToKatakana, normaliseKanaForMatch, toFullwidthKatakana } from './kana.js';
export { foldItaiji, normaliseNameForMatch } from './itaiji.js';
export { toHalfwidthKatakana } from './halfwidth.js';
export { ageOn } from './age.js';
