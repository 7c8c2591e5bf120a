import { parseJukiFileName } from '../../src/parse/file-name.js';

describe('parseJukiFileName', () => {
  it('knows the two file kinds and their dates', () => {
    expect(parseJukiFileName('JUKI_FULL_20261120.DAT')).toEqual({ kind: 'FULL', date: '2026-11-20' });
    expect(parseJukiFileName('JUKI_IDO_20261121.DAT')).toEqual({ kind: 'IDO', date: '2026-11-21' });
    expect(parseJukiFileName('JUKI_IDO_20240229.DAT')).toEqual({ kind: 'IDO', date: '2024-02-29' });
  });

  it.each([
    'JUKI_IDO_20230229.DAT',
    'JUKI_IDO_20261131.DAT',
    'JUKI_IDO_00000000.DAT',
    'JUKI_IDO_2026112.DAT',
    'JUKI_DIFF_20261120.DAT',
    'juki_full_20261120.dat',
    'JUKI_FULL_20261120.DAT.tmp',
    'JUKI_FULL_20261120.DAT~',
    '/drop/JUKI_FULL_20261120.DAT',
    'JUKI_FULL_20261120',
    'README',
    '',
  ])('is null for %j', (name) => {
    expect(parseJukiFileName(name)).toBeNull();
  });
});
