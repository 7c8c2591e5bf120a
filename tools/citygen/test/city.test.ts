import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { ageOn } from '@welfare-hub/codec';
import { generateDemoCity, type SochiTruth, type TruthPerson } from '../src/index.js';

const asOf = '2026-11-22';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function city(residents: number, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'citygen-'));
  made.push(dir);
  const result = await generateDemoCity({ dir, residents, seed, asOf, sectors: [] });
  const truth = readFileSync(join(dir, 'truth', 'juki.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as TruthPerson);
  return { dir, result, truth };
}

const digest = (dir: string) =>
  readdirSync(join(dir, 'juki'))
    .sort()
    .map((f) =>
      createHash('sha256')
        .update(readFileSync(join(dir, 'juki', f)))
        .digest('hex'),
    );

describe('the synthetic city', () => {
  let main: Awaited<ReturnType<typeof city>>;
  beforeAll(async () => {
    main = await city(10_000, 7);
  }, 60_000);

  it('is the same city, byte for byte, for the same seed, and another for another seed', async () => {
    const again = await city(10_000, 7);
    const other = await city(10_000, 8);
    expect(digest(again.dir)).toEqual(digest(main.dir));
    expect(digest(other.dir)).not.toEqual(digest(main.dir));
  }, 60_000);

  it('has the shape of a Japanese city', () => {
    const residents = main.truth.filter((p) => p.status === 1);
    expect(residents.length).toBeGreaterThanOrEqual(10_000);
    const share = (f: (p: TruthPerson) => boolean) => residents.filter(f).length / residents.length;
    expect(share((p) => ageOn(p.birthDate, asOf) >= 65)).toBeGreaterThan(0.26);
    expect(share((p) => ageOn(p.birthDate, asOf) >= 65)).toBeLessThan(0.32);
    expect(share((p) => ageOn(p.birthDate, asOf) < 15)).toBeGreaterThan(0.1);
    expect(share((p) => ageOn(p.birthDate, asOf) < 15)).toBeLessThan(0.15);
    const sizes = new Map<string, number>();
    for (const p of residents) sizes.set(p.setaiNo, (sizes.get(p.setaiNo) ?? 0) + 1);
    const single = [...sizes.values()].filter((n) => n === 1).length / sizes.size;
    expect(single).toBeGreaterThan(0.34);
    expect(single).toBeLessThan(0.42);
    // 世帯分離: several 世帯 registered at one address.
    const byAddress = new Map<string, Set<string>>();
    for (const p of residents) byAddress.set(p.address, (byAddress.get(p.address) ?? new Set()).add(p.setaiNo));
    expect([...byAddress.values()].filter((s) => s.size > 1).length).toBeGreaterThan(50);
    expect(residents.some((p) => /[髙﨑邊邉齋]/u.test(p.name))).toBe(true);
    expect(main.truth.some((p) => p.status !== 1)).toBe(true);
  });

  it('writes every record as 200 CP932 bytes and CRLF, with a trailer that counts them', () => {
    for (const file of readdirSync(join(main.dir, 'juki')).filter((f) => f.endsWith('.DAT'))) {
      const bytes = readFileSync(join(main.dir, 'juki', file));
      expect(bytes.length % 202).toBe(0);
      const count = bytes.length / 202 - 1;
      for (let i = 0; i <= count; i++) expect(bytes.subarray(i * 202 + 200, i * 202 + 202).toString('latin1')).toBe('\r\n');
      const trailer = bytes.subarray(count * 202, count * 202 + 200).toString('latin1');
      expect(trailer).toBe(`9${String(count).padStart(10, '0')}`.padEnd(200, ' '));
      const name = iconv.decode(bytes.subarray(23, 63), 'cp932');
      expect(name).toMatch(/^\S+\u3000\S+\u3000*$/u);
    }
  });

  it('lists each person at most once per 異動 file', () => {
    for (const file of readdirSync(join(main.dir, 'juki')).filter((f) => f.startsWith('JUKI_IDO_'))) {
      const bytes = readFileSync(join(main.dir, 'juki', file));
      const ids = Array.from({ length: bytes.length / 202 - 1 }, (_, i) => bytes.subarray(i * 202 + 1, i * 202 + 11).toString('latin1'));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(0);
    }
  });

  it('writes 支援措置 lists of a few residents per thousand, DV households with children among them, laid out as the specification says', () => {
    const lists = readdirSync(join(main.dir, 'juki'))
      .filter((f) => f.startsWith('JUKI_SOCHI_'))
      .sort();
    expect(lists).toHaveLength(2);
    const truth = JSON.parse(readFileSync(join(main.dir, 'truth', 'sochi.json'), 'utf8')) as SochiTruth[];
    const bytes = readFileSync(join(main.dir, 'juki', lists[1]!));
    const lines = iconv.decode(bytes, 'cp932').split('\r\n');
    expect(lines.shift()).toBe('宛名番号,措置区分,開始日,終了日,更新日時');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line).toMatch(/^\d{10},[1239],\d{8},(\d{8})?,\d{14}$/);
    const listed = new Set(lines.map((l) => l.slice(0, 10)));
    expect(truth.filter((t) => t.why !== 'lifted').every((t) => listed.has(t.atenaNo))).toBe(true);
    expect(truth.some((t) => t.why === 'lifted' && !listed.has(t.atenaNo))).toBe(true);
    const protectedNow = truth.filter((t) => t.protectedNow).length;
    expect(protectedNow / main.truth.length).toBeGreaterThan(0.0015);
    expect(protectedNow / main.truth.length).toBeLessThan(0.006);
    const byId = new Map(main.truth.map((p) => [p.atenaNo, p]));
    const dvChildren = truth.filter((t) => t.why === 'dv-household' && byId.get(t.atenaNo)?.relationship === '04');
    expect(dvChildren.length).toBeGreaterThan(3);
    expect(truth.some((t) => t.why === 'not-yet-registered' && !byId.has(t.atenaNo))).toBe(true);
  });

  it('plants invalid records at about the configured rate and says where', () => {
    const planted = JSON.parse(readFileSync(join(main.dir, 'truth', 'juki-invalid.json'), 'utf8')) as { invalid: { recordNo: number }[] };
    expect(planted.invalid.length).toBe(main.result.invalidRecords);
    expect(planted.invalid.length).toBeGreaterThan(2);
    expect(planted.invalid.length).toBeLessThan(30);
  });
});
