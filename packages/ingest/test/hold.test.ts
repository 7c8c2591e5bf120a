import fc from 'fast-check';
import { holdReason, HOLD_MIN_RECORDS } from '../src/index.js';

const config = { minShareOfLast: 0.5, maxRejectedShare: 0.2 };

describe('when a read is held', () => {
  it('holds a full snapshot whose rows were all rejected (issue 14: a 手帳 file in UTF-8)', () => {
    expect(holdReason({ read: 563, rejected: 563 }, 563, true, config)).toBe(
      'held: 563 of 563 records rejected, more than 20% (HUB_SNAPSHOT_MAX_REJECTED_SHARE)',
    );
  });

  it('holds a full snapshot far smaller than the last (a 相談 file of one record past its bound, over 172)', () => {
    expect(holdReason({ read: 1, rejected: 1 }, 172, true, config)).toBe(
      'held: 0 good records, fewer than 50% of the 172 of the last applied snapshot (HUB_SNAPSHOT_MIN_SHARE)',
    );
  });

  it('applies a small file with a few bad records, a first snapshot, and a delta of any size', () => {
    expect(holdReason({ read: 3, rejected: 1 }, 2, true, config)).toBeNull();
    expect(holdReason({ read: 100, rejected: 10 }, null, true, config)).toBeNull();
    expect(holdReason({ read: 5, rejected: 0 }, 1000, false, config)).toBeNull();
  });

  it('never applies what the rules hold, never holds what they allow (property)', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), fc.option(fc.nat(5000)), fc.boolean(), (a, b, last, full) => {
        const read = Math.max(a, b);
        const rejected = Math.min(a, b);
        const good = read - rejected;
        const tooManyRejected = read >= HOLD_MIN_RECORDS && rejected > 0.2 * read;
        const shrank = full && last !== null && last > 0 && good < 0.5 * last;
        expect(holdReason({ read, rejected }, last, full, config) !== null).toBe(tooManyRejected || shrank);
      }),
      { seed: 0x686f6c64, numRuns: 2000 },
    );
  });
});
