import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoCity, type Planted, type SourceTruth } from '@welfare-hub/citygen';
import { demoCitySectors, SECTOR_MODULES } from '../src/index.js';

// The demo city is written from the registry: the generator knows the 住基 and the plants, and each sector's own folder
// (its descriptor's demo.write) writes that sector's legacy source. What a planted household must hold is held.
describe('the demo city, from the sector registry', () => {
  const root = mkdtempSync(join(tmpdir(), 'demo-city-'));
  const truthOf = (folder: string): SourceTruth[] =>
    readFileSync(join(root, 'truth', `${folder}.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SourceTruth);
  beforeAll(async () => {
    await generateDemoCity({ dir: root, residents: 1500, seed: 11, asOf: '2026-11-22', sectors: demoCitySectors() });
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists every registered sector that has a demo part, in the registry order, each in its subgraph folder', () => {
    expect(demoCitySectors().map((s) => [s.code, s.folder])).toEqual(SECTOR_MODULES.filter((m) => m.demo).map((m) => [m.info.code, m.info.subgraph]));
    expect(demoCitySectors().map((s) => s.code)).toEqual(['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU']);
  });

  it("writes each sector's source into its folder, and its truth", () => {
    for (const { folder } of demoCitySectors()) {
      expect(readdirSync(join(root, folder)).length).toBeGreaterThan(0);
      expect(truthOf(folder).length).toBeGreaterThan(0);
    }
  });

  it('gives every sector the residents a plant says it holds', () => {
    const planted = JSON.parse(readFileSync(join(root, 'truth', 'situations.json'), 'utf8')) as Planted[];
    expect(planted.length).toBeGreaterThan(0);
    const held = new Map(demoCitySectors().map((s) => [s.code, new Set(truthOf(s.folder).map((t) => t.atenaNo))]));
    for (const plant of planted) {
      for (const [atenaNo, sectors] of Object.entries(plant.involvement)) {
        for (const sector of sectors)
          expect({ plant: plant.kind, atenaNo, sector, held: held.get(sector)!.has(atenaNo) }).toMatchObject({ held: true });
      }
    }
  });

  it('holds no sector folder for a sector given no demo part, and the rest of the city all the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-city-'));
    try {
      await generateDemoCity({ dir, residents: 300, seed: 11, asOf: '2026-11-22', sectors: demoCitySectors().filter((s) => s.code !== 'KODOMO') });
      expect(existsSync(join(dir, 'kodomo'))).toBe(false);
      expect(existsSync(join(dir, 'juki'))).toBe(true);
      expect(existsSync(join(dir, 'cases', 'cases.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
