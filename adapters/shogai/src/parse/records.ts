import { normaliseKanaForMatch, parseTimestamp14, parseWarekiText, toFullwidthKatakana } from '@welfare-hub/codec';
import { BOUNDS, textPastBound } from '@welfare-hub/ingest';

export const TECHO_HEADER = ['宛名番号', '氏名', '氏名カナ', '生年月日', '手帳種別', '等級', '障害区分', '交付日', '有効期限', '更新日時'];
export const JUKYUSHA_HEADER = [
  '受給者証番号',
  '宛名番号',
  '氏名カナ',
  '生年月日',
  '障害支援区分',
  '支給決定サービス',
  '支給期間開始',
  '支給期間終了',
  '計画相談支援事業所',
  '更新日時',
];
export const SODAN_HEADER = ['相談ID', '宛名番号', '氏名カナ', '生年月日', '相談日', '相談種別', '概要', '担当事業所', '状態'];

export type CertificateType = 'PHYSICAL' | 'INTELLECTUAL' | 'MENTAL';

export interface Techo {
  sourceKey: string;
  atenaNo: string | null;
  name: string;
  nameKana: string;
  birthDate: string;
  type: CertificateType;
  grade: string;
  disability: string;
  issuedOn: string;
  validUntil: string | null;
  updatedAt: string;
}

export interface Jukyusha {
  sourceKey: string;
  atenaNo: string | null;
  nameKana: string;
  birthDate: string;
  supportLevel: string | null;
  services: string[];
  validFrom: string;
  validUntil: string;
  planOffice: string | null;
  updatedAt: string;
}

export interface Sodan {
  sourceKey: string;
  atenaNo: string | null;
  nameKana: string | null;
  birthDate: string | null;
  date: string;
  category: string;
  summary: string | null;
  office: string;
  status: 'OPEN' | 'CLOSED';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

class Bad extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

const TYPES: Record<string, CertificateType> = { '1': 'PHYSICAL', '2': 'INTELLECTUAL', '3': 'MENTAL' };
const GRADES: Record<CertificateType, readonly string[]> = {
  PHYSICAL: ['1級', '2級', '3級', '4級', '5級', '6級'],
  INTELLECTUAL: ['A', 'B', 'A1', 'A2', 'B1', 'B2'],
  MENTAL: ['1級', '2級', '3級'],
};
const SUPPORT_LEVELS = ['非該当', '区分1', '区分2', '区分3', '区分4', '区分5', '区分6'];
export const SODAN_CATEGORIES = [
  '福祉サービス利用',
  '障害理解・障害特性',
  '健康・医療',
  '不安の解消・情緒安定',
  '家族関係・人間関係',
  '家計・経済',
  '就労',
  'ひきこもり',
  '権利擁護',
  'その他',
];

// Reasons name the column and the fault, never the value.
function atena(value: string, field = '宛名番号'): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d{10}$/.test(v)) throw new Bad(field, `${field}: expected 10 digits or blank`);
  return v;
}

function wareki(value: string, field: string): string {
  const date = parseWarekiText(value);
  if (!date) throw new Bad(field, `${field}: not a 和暦 date of its era`);
  return date;
}

function optionalWareki(value: string, field: string): string | null {
  return value.trim() === '' ? null : wareki(value, field);
}

function kana(value: string, field = '氏名カナ'): string {
  const full = toFullwidthKatakana(within(value, field)).trim();
  if (full === '' || normaliseKanaForMatch(full) === '' || !/^[\u30A0-\u30FF\s\u3000]+$/u.test(full)) throw new Bad(field, `${field}: not katakana`);
  return full.split(/[\s\u3000]+/u).join('\u3000');
}

function timestamp(value: string, field = '更新日時'): string {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  const iso = m ? parseTimestamp14(m.slice(1).join('')) : null;
  if (!iso) throw new Bad(field, `${field}: not YYYY/MM/DD HH:MM:SS`);
  return iso;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Bad(field, `${field}: value not in the specification`);
  return value as T;
}

/** Free text within its bound (packages/ingest BOUNDS): 概要 gets the long one, names and offices the short one. */
function within(value: string, field: string, bound: number = BOUNDS.shortTextChars): string {
  const past = textPastBound(field, value, bound);
  if (past) throw new Bad(field, past);
  return value;
}

function attempt<T>(build: () => T): Parsed<T> {
  try {
    return { ok: true, value: build() };
  } catch (error) {
    if (error instanceof Bad) return { ok: false, field: error.field, reason: error.message };
    throw error;
  }
}

export function parseTecho(f: string[]): Parsed<Techo> {
  return attempt(() => {
    // Own keys only: a code such as 'constructor' must not find something on the prototype.
    const type = Object.hasOwn(TYPES, f[4]!.trim()) ? TYPES[f[4]!.trim()] : undefined;
    if (!type) throw new Bad('手帳種別', '手帳種別: value not in the specification');
    const birthDate = wareki(f[3]!, '生年月日');
    const nameKana = kana(f[2]!);
    const issuedOn = wareki(f[7]!, '交付日');
    return {
      // The 手帳 file has no number of its own: type, reading, birth date and issue date name a row.
      sourceKey: `${f[4]!.trim()}:${birthDate}:${normaliseKanaForMatch(nameKana)}:${issuedOn}`,
      atenaNo: atena(f[0]!),
      name: within(f[1]!.trim(), '氏名'),
      nameKana,
      birthDate,
      type,
      grade: oneOf(f[5]!.trim(), GRADES[type], '等級'),
      disability: within(f[6]!.trim(), '障害区分'),
      issuedOn,
      validUntil: type === 'MENTAL' ? optionalWareki(f[8]!, '有効期限') : null,
      updatedAt: timestamp(f[9]!),
    };
  });
}

export function parseJukyusha(f: string[]): Parsed<Jukyusha> {
  return attempt(() => {
    if (!/^\d{10}$/.test(f[0]!.trim())) throw new Bad('受給者証番号', '受給者証番号: expected 10 digits');
    const level = f[4]!.trim();
    return {
      sourceKey: f[0]!.trim(),
      atenaNo: atena(f[1]!),
      nameKana: kana(f[2]!),
      birthDate: wareki(f[3]!, '生年月日'),
      supportLevel: level === '' ? null : oneOf(level, SUPPORT_LEVELS, '障害支援区分'),
      services: within(f[5]!, '支給決定サービス', BOUNDS.freeTextChars)
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      validFrom: wareki(f[6]!, '支給期間開始'),
      validUntil: wareki(f[7]!, '支給期間終了'),
      planOffice: within(f[8]!.trim(), '計画相談支援事業所') || null,
      updatedAt: timestamp(f[9]!),
    };
  });
}

export function parseSodan(f: string[]): Parsed<Sodan> {
  return attempt(() => {
    if (!/^\d+$/.test(f[0]!.trim())) throw new Bad('相談ID', '相談ID: expected digits');
    return {
      sourceKey: f[0]!.trim(),
      atenaNo: atena(f[1]!),
      nameKana: f[2]!.trim() === '' ? null : kana(f[2]!),
      birthDate: optionalWareki(f[3]!, '生年月日'),
      date: wareki(f[4]!, '相談日'),
      category: oneOf(f[5]!.trim(), SODAN_CATEGORIES, '相談種別'),
      summary: f[6]! === '' ? null : within(f[6]!, '概要', BOUNDS.freeTextChars),
      office: within(f[7]!.trim(), '担当事業所'),
      status: oneOf(f[8]!.trim(), ['対応中', '終結'], '状態') === '対応中' ? 'OPEN' : 'CLOSED',
    };
  });
}
