import type { Day } from '../dates.js';
import type { Sex } from '../names/book.js';
import type { AddressCode } from '../places.js';

/**
 * One person's registry facts at one moment, as numbers: what a juki record is written from. The 異動
 * history keeps these for the days a person changed, and for their state in the full extract before that.
 */
export interface PersonState {
  row: number;
  atena: number;
  setai: number;
  relation: number;
  family: number;
  given: number;
  birth: Day;
  sex: number;
  address: AddressCode;
  status: number;
  changeDay: Day;
  reason: number;
  updated: number;
}

/** A person as text: what the truth file and the sector writers use. Made on demand, one at a time. */
export interface Person {
  row: number;
  /** Row of the 世帯 in the city's household table. */
  household: number;
  atenaNo: string;
  setaiNo: string;
  /** 続柄コード, two digits. */
  relationship: string;
  familyName: string;
  givenName: string;
  /** Full-width katakana. */
  familyKana: string;
  givenKana: string;
  birthDate: string;
  sex: Sex;
  district: string;
  address: string;
  /** 1 住民, 2 転出, 3 死亡, 4 職権消除. */
  status: 1 | 2 | 3 | 4;
  changeDate: string;
  /** 異動事由, two digits. */
  changeReason: string;
  /** 更新日時, YYYYMMDDHHMMSS. */
  updatedAt: string;
}
