/** 続柄コード (juki.md), kept as numbers in the city and written as two digits. */
export const Relation = {
  HEAD: 1, WIFE: 2, HUSBAND: 3, CHILD: 4, FATHER: 5, MOTHER: 6, GRANDCHILD: 7, GRANDFATHER: 8, GRANDMOTHER: 9,
  SIBLING: 10, OTHER_RELATIVE: 11, LODGER: 12, CHILD_SPOUSE: 13,
} as const;
export type Relation = (typeof Relation)[keyof typeof Relation];

/** 住民状態. */
export const Status = { RESIDENT: 1, MOVED_OUT: 2, DECEASED: 3, STRUCK_OFF: 4 } as const;
export type Status = (typeof Status)[keyof typeof Status];

/** 異動事由. */
export const Reason = {
  ARRIVAL: 1, BIRTH: 2, MOVE: 3, HOUSEHOLD_CHANGE: 4, DEPARTURE: 5, DEATH: 6, ENTERED_EX_OFFICIO: 7, STRUCK_OFF: 8,
  NAME_CHANGE: 9, OTHER: 99,
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];

/** 1 男, 2 女, as juki writes it. */
export const SexCode = { MALE: 1, FEMALE: 2 } as const;

/** How a 世帯 came to be: the truth says it so that tests and the sector writers can find each kind. */
export const HOUSEHOLD_KINDS = [
  'single', 'couple', 'couple-children', 'single-parent', 'elderly-parent-child', 'three-generation', 'siblings',
  'grandparent-grandchild', 'with-lodger', 'separated-elder', 'separated-family', 'foreign', 'moved-out', 'arrived',
  'split', 'planted',
] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

export const two = (n: number): string => String(n).padStart(2, '0');
