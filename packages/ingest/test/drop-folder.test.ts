import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DropUnreadable, listDropFolder, openDropFile, type DropFileSpec } from '../src/index.js';

const SPEC: DropFileSpec<string> = {
  parse: (name) => /^SHOGAI_TECHO_(\d{8})\.csv$/.exec(name)?.[1] ?? null,
  prefixes: ['SHOGAI_TECHO_'],
  expected: 'SHOGAI_TECHO_YYYYMMDD.csv',
};

const root = mkdtempSync(join(tmpdir(), 'drop-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = (): string => {
  const dir = join(root, `d${n++}`);
  mkdirSync(dir);
  return dir;
};

describe('a drop folder as an operator leaves it', () => {
  it('reads only regular files, and refuses a directory, a named pipe and a symbolic link named like an export, each with its kind', async () => {
    const dir = folder();
    const outside = join(root, 'outside.csv');
    writeFileSync(outside, 'not yours');
    writeFileSync(join(dir, 'SHOGAI_TECHO_20261120.csv'), 'x');
    mkdirSync(join(dir, 'SHOGAI_TECHO_20261121.csv'));
    execFileSync('mkfifo', [join(dir, 'SHOGAI_TECHO_20261122.csv')]);
    symlinkSync(outside, join(dir, 'SHOGAI_TECHO_20261123.csv'));
    writeFileSync(join(dir, 'README.txt'), 'nothing to do with us');
    const { files, refused } = await listDropFolder(dir, SPEC);
    expect(files.map((f) => f.name)).toEqual(['SHOGAI_TECHO_20261120.csv']);
    const reasons = Object.fromEntries(refused.map((r) => [r.name, r.reason]));
    expect(reasons).toEqual({
      'SHOGAI_TECHO_20261121.csv': 'a directory, not a regular file: not read',
      'SHOGAI_TECHO_20261122.csv': 'a named pipe, not a regular file: not read',
      'SHOGAI_TECHO_20261123.csv': 'a symbolic link, not a regular file: not read',
    });
  });

  it("reports a name that is almost the spec's with what is wrong with it", async () => {
    const dir = folder();
    const names = {
      'SHOGAI_TECHO_20261120.csv.': 'a trailing dot or space',
      'SHOGAI_TECHO_20261120.csv\n': 'a control character (a line break?)',
      'SHOGAI_TECHO_２０２６１１２０.csv': 'full-width or other non-ASCII characters',
      '.SHOGAI_TECHO_20261120.csv': 'a leading dot',
      'shogai_techo_20261120.csv': '',
      'SHOGAI_TECHO_20261120.csv.part': '',
    };
    for (const name of Object.keys(names)) writeFileSync(join(dir, name), 'x');
    const { files, refused } = await listDropFolder(dir, SPEC);
    expect(files).toEqual([]);
    expect(refused.map((r) => r.name).sort()).toEqual(Object.keys(names).sort());
    for (const r of refused) {
      expect(r.reason).toMatch(/^named like an export but not as the spec says.*: expected SHOGAI_TECHO_YYYYMMDD\.csv$/);
      expect(r.reason).toContain(names[r.name as keyof typeof names]);
    }
  });

  it('never lists as readable a name the spec does not parse, nor an entry that is not a regular file (property)', async () => {
    const nameChar = fc.constantFrom(...'SHOGAI_TECHO_2026112.csvx .\n０１２ａ'.split(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(nameChar, { minLength: 1, maxLength: 30 }).map((cs) => cs.join('')),
          { maxLength: 6 },
        ),
        fc.boolean(),
        async (names, asDirs) => {
          const dir = folder();
          const made = new Set<string>();
          for (const name of names) {
            if (name === '.' || name === '..' || made.has(name)) continue;
            made.add(name);
            if (asDirs) mkdirSync(join(dir, name));
            else writeFileSync(join(dir, name), 'x');
          }
          const { files, refused } = await listDropFolder(dir, SPEC);
          for (const f of files) {
            expect(SPEC.parse(f.name)).not.toBeNull();
            expect(asDirs).toBe(false);
          }
          for (const r of refused) expect(made.has(r.name)).toBe(true);
          // Every name the spec parses is read or refused, never passed over.
          for (const name of made)
            if (SPEC.parse(name) !== null) expect([...files.map((f) => f.name), ...refused.map((r) => r.name)]).toContain(name);
        },
      ),
      { seed: 0x64726f70, numRuns: 60 },
    );
  });

  it('refuses at open what the listing could not see: a link or a pipe put in its place', async () => {
    const dir = folder();
    const path = join(dir, 'SHOGAI_TECHO_20261120.csv');
    symlinkSync(join(root, 'outside.csv'), path);
    await expect(openDropFile(path)).rejects.toThrow(new DropUnreadable('a symbolic link, not a regular file: not read'));
    rmSync(path);
    execFileSync('mkfifo', [path]);
    // Opened without blocking, then refused: a pipe nobody writes to never hangs the read.
    await expect(openDropFile(path)).rejects.toThrow(DropUnreadable);
    rmSync(path);
    writeFileSync(path, 'x');
    const handle = await openDropFile(path);
    await handle.close();
  });
});
