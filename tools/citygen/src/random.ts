/**
 * A seeded generator (mulberry32): the same seed gives the same city, byte for byte, on any machine.
 * Small and fast, which matters at a million residents; not for anything secret.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one concern, so that drawing more in one place never shifts another's draws. */
  static derived(seed: number, salt: number): Random {
    return new Random(Math.imul((seed ^ salt) >>> 0, 0x9e3779b1) ^ salt);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

/**
 * Draws from a fixed weighted table in O(log n): the name tables are drawn from millions of times.
 */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(private readonly items: readonly T[], weight: (item: T) => number) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((item, i) => (this.cumulative[i] = sum += weight(item)));
    this.total = sum;
  }

  /** The index of the drawn item. */
  drawIndex(random: Random): number {
    const r = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  draw(random: Random): T {
    return this.items[this.drawIndex(random)]!;
  }
}
