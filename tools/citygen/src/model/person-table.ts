import { grown } from './columns.js';

/**
 * Every person the registry has ever held in this extract, one row each, in typed columns (about 40 bytes
 * a person, no strings). Row numbers are stable: a person is never removed, only given another status.
 * Members of a 世帯 are chained through `next`, starting at the household's `first`.
 */
export class PersonTable {
  count = 0;
  atena: Uint32Array;
  household: Int32Array;
  next: Int32Array;
  relation: Uint8Array;
  sex: Uint8Array;
  birth: Int32Array;
  family: Uint16Array;
  given: Uint16Array;
  status: Uint8Array;
  changeDay: Int32Array;
  reason: Uint8Array;
  /** 更新日時 as seconds since 1970-01-01 on Japan's clock. */
  updated: Float64Array;

  constructor(capacity: number) {
    this.atena = new Uint32Array(capacity);
    this.household = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.relation = new Uint8Array(capacity);
    this.sex = new Uint8Array(capacity);
    this.birth = new Int32Array(capacity);
    this.family = new Uint16Array(capacity);
    this.given = new Uint16Array(capacity);
    this.status = new Uint8Array(capacity);
    this.changeDay = new Int32Array(capacity);
    this.reason = new Uint8Array(capacity);
    this.updated = new Float64Array(capacity);
  }

  /** A new row, its fields zero; the caller fills them. */
  add(): number {
    if (this.count === this.atena.length) this.grow(Math.ceil(this.count * 1.5) + 16);
    this.next[this.count] = -1;
    return this.count++;
  }

  private grow(capacity: number): void {
    this.atena = grown(this.atena, capacity);
    this.household = grown(this.household, capacity);
    this.next = grown(this.next, capacity);
    this.relation = grown(this.relation, capacity);
    this.sex = grown(this.sex, capacity);
    this.birth = grown(this.birth, capacity);
    this.family = grown(this.family, capacity);
    this.given = grown(this.given, capacity);
    this.status = grown(this.status, capacity);
    this.changeDay = grown(this.changeDay, capacity);
    this.reason = grown(this.reason, capacity);
    this.updated = grown(this.updated, capacity);
  }
}
