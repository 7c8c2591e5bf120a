import { zipPastBounds } from '../src/index.js';
import { zip } from './support/zip.js';

const BOUNDS = { inflatedBytes: 1024 * 1024, ratio: 100, ratioFloorBytes: 64 * 1024 };

describe('a workbook checked before it is inflated', () => {
  it('passes an ordinary archive', async () => {
    const sheet = Buffer.from(Array.from({ length: 2000 }, (_, i) => `<row r="${i}"><c t="s"><v>${(i * 7919) % 1000}</v></c></row>`).join(''));
    expect(await zipPastBounds(zip([{ name: 'xl/worksheets/sheet1.xml', content: sheet }]), BOUNDS)).toBeNull();
  });

  it('refuses a bomb that declares its size, from the directory alone', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(2 * 1024 * 1024) }]);
    expect(await zipPastBounds(bomb, BOUNDS)).toMatch(
      /^workbook would inflate to 2,097,152 bytes, past the bound of 1,048,576 bytes \(as its directory declares\): not inflated$/,
    );
  });

  it('refuses a part that inflates far more than an Excel sheet does', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(512 * 1024) }]);
    expect(await zipPastBounds(bomb, BOUNDS)).toMatch(/^workbook: a part inflates \d+ times, past the bound of 100 \(as declared\): not inflated$/);
  });

  it('refuses a bomb that lies about its size, stopping where it passes what it declared', async () => {
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(4 * 1024 * 1024), declaredSize: 1000 }]);
    expect(await zipPastBounds(liar, BOUNDS)).toBe('workbook: a part does not inflate to its declared size (a damaged or hostile archive): not read');
  });

  it('refuses bytes that are not an archive, and an archive cut short', async () => {
    expect(await zipPastBounds(Buffer.from('PK not really'), BOUNDS)).toBe('workbook: not a zip archive (cut short?)');
    const whole = zip([{ name: 'a.xml', content: Buffer.from('<a/>') }]);
    expect(await zipPastBounds(whole.subarray(0, whole.length - 10), BOUNDS)).toMatch(
      /^workbook: (not a zip archive|its zip directory is damaged) \(cut short\?\)$/,
    );
  });
});
