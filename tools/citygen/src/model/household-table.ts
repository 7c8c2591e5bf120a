import { grown } from './columns.js';

/** Every 世帯 the city has registered, one row each, in typed columns. */
export class HouseholdTable {
  count = 0;
  setai: Uint32Array;
  /** The packed address (places.ts); 世帯分離 households share theirs with the household they split from. */
  address: Uint32Array;
  /** First member's person row, -1 when none. */
  first: Int32Array;
  /** Index into HOUSEHOLD_KINDS. */
  kind: Uint8Array;
  /** The household this one was split from at the same address (世帯分離), -1 when none. */
  splitFrom: Int32Array;
  /** Planted for a situation: the day-by-day 異動 leave it alone, so the situation holds on the last day. */
  planted: Uint8Array;

  constructor(capacity: number) {
    this.setai = new Uint32Array(capacity);
    this.address = new Uint32Array(capacity);
    this.first = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.splitFrom = new Int32Array(capacity);
    this.planted = new Uint8Array(capacity);
  }

  add(): number {
    if (this.count === this.setai.length) this.grow(Math.ceil(this.count * 1.5) + 16);
    this.first[this.count] = -1;
    this.splitFrom[this.count] = -1;
    return this.count++;
  }

  private grow(capacity: number): void {
    this.setai = grown(this.setai, capacity);
    this.address = grown(this.address, capacity);
    this.first = grown(this.first, capacity);
    this.kind = grown(this.kind, capacity);
    this.splitFrom = grown(this.splitFrom, capacity);
    this.planted = grown(this.planted, capacity);
  }
}
