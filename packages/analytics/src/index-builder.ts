import type { DataSource } from 'typeorm';
import { ageOn } from '@welfare-hub/codec';
import {
  householdSituations,
  involvement,
  type MemberFacts,
  type Sector,
  type SituationFacts,
  type SituationThresholds,
} from '@welfare-hub/situations';
import { pseudonym } from './pseudonym.js';
import type { SourceSnapshot } from './provenance.js';

export type FactsLoader = (atenaNos: readonly string[]) => Promise<Map<string, SituationFacts>>;

export interface IndexedHousehold {
  pseudoId: string;
  district: string;
  oldestAge: number;
  kinds: string[];
  sectors: Sector[];
}

export interface IndexSources {
  db: DataSource;
  key: Buffer;
  /**
   * Each registered sector's facts loader, in the registry's order: the same facts the case workers' view uses, here
   * for everyone (the composition root hands in each sector module's reader: analytics imports no sector).
   */
  facts: Record<Sector, FactsLoader>;
  /** 続柄 code → text. */
  relationships: Readonly<Record<string, string>>;
  thresholds: SituationThresholds;
  /** Each source's generation and last whole read now (packages/ingest's, handed in by the composition root). */
  snapshot(): Promise<SourceSnapshot>;
}

const CHUNK = 5_000;
/** The index's tables, each holding rows of a generation. */
const GENERATIONS = ['household', 'person', 'consultation'] as const;

/**
 * Walks every registered 世帯 of current residents in chunks, applies the situation rules to all sector facts, and
 * hands each chunk over as pseudonymised rows: the one place the analysts' figures come from.
 */
export interface IndexedConsultation {
  sector: Sector;
  openedOn: string;
  closedOn: string | null;
  open: boolean;
}

export async function* indexHouseholds(
  src: IndexSources,
  asOf: string,
): AsyncGenerator<{
  households: IndexedHousehold[];
  persons: { pseudoId: string; household: string; age: number; sectors: Sector[] }[];
  consultations: IndexedConsultation[];
}> {
  const setaiNos: string[] = (await src.db.query(`SELECT DISTINCT setai_no FROM juki.current_resident ORDER BY setai_no`)).map(
    (r: { setai_no: string }) => r.setai_no,
  );
  for (let i = 0; i < setaiNos.length; i += CHUNK) {
    const chunk = setaiNos.slice(i, i + CHUNK);
    // The 世帯's district is juki's to say (its 世帯主's, juki.current_household); both sides keyed by the chunk, so
    // that the household view is probed per 世帯 rather than read whole.
    const rows: { atena_no: string; setai_no: string; relationship_code: string; birth_date: string; district: string }[] = await src.db.query(
      `SELECT r.atena_no, r.setai_no, r.relationship_code, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date, h.district
       FROM juki.current_resident r JOIN juki.current_household h ON h.setai_no = r.setai_no
       WHERE r.setai_no = ANY($1::text[]) AND h.setai_no = ANY($1::text[]) ORDER BY r.setai_no, r.atena_no`,
      [chunk],
    );
    const ids = rows.map((r) => r.atena_no);
    const sectors = Object.keys(src.facts);
    const loaded = await Promise.all(sectors.map((s) => src.facts[s]!(ids)));
    const bySetai = new Map<string, typeof rows>();
    for (const r of rows) bySetai.set(r.setai_no, [...(bySetai.get(r.setai_no) ?? []), r]);
    const households: IndexedHousehold[] = [];
    const persons: { pseudoId: string; household: string; age: number; sectors: Sector[] }[] = [];
    const consultations: IndexedConsultation[] = [];
    sectors.forEach((sector, k) => {
      for (const facts of loaded[k]!.values()) {
        for (const c of facts.consultations) if (c.date <= asOf) consultations.push({ sector, openedOn: c.date, closedOn: null, open: c.open });
        for (const c of facts.cases) if (c.openedOn <= asOf) consultations.push({ sector, openedOn: c.openedOn, closedOn: c.closedOn, open: c.open });
      }
    });
    for (const [setaiNo, residents] of bySetai) {
      const members: MemberFacts[] = residents.map((r) => ({
        id: r.atena_no,
        birthDate: r.birth_date,
        relationship: src.relationships[r.relationship_code] ?? r.relationship_code,
        sectors: Object.fromEntries(sectors.map((s, k) => [s, loaded[k]!.get(r.atena_no) ?? null])),
      }));
      const household = pseudonym(src.key, `setai:${setaiNo}`);
      const involved = involvement(members, asOf, src.thresholds);
      const ages = residents.map((r) => ageOn(r.birth_date, asOf));
      residents.forEach((r, k) =>
        persons.push({ pseudoId: pseudonym(src.key, `atena:${r.atena_no}`), household, age: ages[k]!, sectors: involved[k]! }),
      );
      households.push({
        pseudoId: household,
        district: residents[0]!.district,
        oldestAge: Math.max(...ages),
        kinds: householdSituations(members, asOf, src.thresholds).map((s) => s.kind),
        sectors: sectors.filter((s) => involved.some((m) => m.includes(s))),
      });
    }
    yield { households, persons, consultations };
  }
}

/** Builds a new generation of the stored index for the reference date and switches readers to it. */
export async function buildIndex(src: IndexSources, asOf: string): Promise<{ households: number; seconds: number }> {
  const started = process.hrtime.bigint();
  // Taken before reading anything: a source that moves during the build has a newer generation than the index says.
  const sources = await src.snapshot();
  const [state]: { generation: number }[] = await src.db.query(`SELECT generation FROM analytics.state`);
  const generation = state!.generation + 1;
  // Whatever an interrupted build left beside the current generation goes first.
  for (const table of GENERATIONS) await src.db.query(`DELETE FROM analytics.${table} WHERE generation <> $1`, [state!.generation]);
  let count = 0;
  for await (const { households, persons, consultations } of indexHouseholds(src, asOf)) {
    await src.db.query(
      `INSERT INTO analytics.consultation (generation, sector, opened_on, closed_on, open)
       SELECT $1, c.sector, c.opened_on, c.closed_on, c.open FROM json_to_recordset($2::json) AS c(sector text, opened_on date, closed_on date, open boolean)`,
      [generation, JSON.stringify(consultations.map((c) => ({ sector: c.sector, opened_on: c.openedOn, closed_on: c.closedOn, open: c.open })))],
    );
    await src.db.query(
      `INSERT INTO analytics.household (generation, pseudo_id, district, oldest_age, kinds, sectors)
       SELECT $1, h.pseudo_id, h.district, h.oldest_age, ARRAY(SELECT json_array_elements_text(h.kinds)), ARRAY(SELECT json_array_elements_text(h.sectors))
       FROM json_to_recordset($2::json) AS h(pseudo_id text, district text, oldest_age int, kinds json, sectors json)`,
      [
        generation,
        JSON.stringify(
          households.map((h) => ({ pseudo_id: h.pseudoId, district: h.district, oldest_age: h.oldestAge, kinds: h.kinds, sectors: h.sectors })),
        ),
      ],
    );
    await src.db.query(
      `INSERT INTO analytics.person (generation, pseudo_id, household, age, sectors)
       SELECT $1, p.pseudo_id, p.household, p.age, ARRAY(SELECT json_array_elements_text(p.sectors))
       FROM json_to_recordset($2::json) AS p(pseudo_id text, household text, age int, sectors json)`,
      [generation, JSON.stringify(persons.map((p) => ({ pseudo_id: p.pseudoId, household: p.household, age: p.age, sectors: p.sectors })))],
    );
    count += households.length;
  }
  await src.db.query(`UPDATE analytics.state SET generation = $1, as_of = $2::date, built_at = now(), households = $3, sources = $4`, [
    generation,
    asOf,
    count,
    JSON.stringify(sources),
  ]);
  for (const table of GENERATIONS) await src.db.query(`DELETE FROM analytics.${table} WHERE generation < $1`, [generation]);
  return { households: count, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
