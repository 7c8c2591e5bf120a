/** 続柄コード as the spec lists them. */
export type RelationshipCode = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';
export type Relationship =
  '世帯主' | '妻' | '夫' | '子' | '父' | '母' | '孫' | '祖父' | '祖母' | '兄弟姉妹' | 'その他の親族' | '同居人' | '子の配偶者';

const RELATIONSHIP_TABLE: Readonly<Record<RelationshipCode, Relationship>> = {
  '01': '世帯主',
  '02': '妻',
  '03': '夫',
  '04': '子',
  '05': '父',
  '06': '母',
  '07': '孫',
  '08': '祖父',
  '09': '祖母',
  '10': '兄弟姉妹',
  '11': 'その他の親族',
  '12': '同居人',
  '13': '子の配偶者',
};

/** 続柄コード → 続柄. Typed by plain strings so that a code read from a file can be looked up as it is. */
export const RELATIONSHIPS: Readonly<Record<string, string>> = RELATIONSHIP_TABLE;

/** 異動事由. */
export const CHANGE_REASONS: Readonly<Record<string, string>> = {
  '01': '転入',
  '02': '出生',
  '03': '転居',
  '04': '世帯変更',
  '05': '転出',
  '06': '死亡',
  '07': '職権記載',
  '08': '職権消除',
  '09': '氏名変更',
  '99': 'その他',
};

/** 住民状態: 1 住民, 2 転出, 3 死亡, 4 職権消除. */
export type ResidentStatus = 1 | 2 | 3 | 4;

/** Own keys only: a code such as 'constructor' must not find something on the prototype. */
export function lookUp(table: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}
