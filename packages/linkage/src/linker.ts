import type { DataSource } from 'typeorm';
import { normaliseKanaForMatch, normaliseNameForMatch } from '@welfare-hub/codec';
import { DEFAULT_WEIGHTS, MATCH_FIELDS, QUEUE_THRESHOLD, fieldWeight, type MatchField, type Weights } from './weights.js';

/** What a sector record says about who it is about. Any field may be missing. */
export interface Identity {
  sourceKey: string;
  atenaNo?: string | null | undefined;
  nameKana?: string | null | undefined;
  name?: string | null | undefined;
  birthDate?: string | null | undefined;
  sex?: 'MALE' | 'FEMALE' | null | undefined;
  address?: string | null | undefined;
}

export interface Candidate {
  atenaNo: string;
  score: number;
  agreements: Partial<Record<MatchField, boolean>>;
}

export type LinkOutcome =
  | { state: 'linked'; atenaNo: string; method: 'atena' | 'match' | 'confirmed'; score: number | null }
  | { state: 'queued'; candidates: Candidate[] }
  | { state: 'unmatched' };

interface JukiRow {
  atena_no: string;
  kana_key: string;
  name: string;
  birth_date: string;
  sex: string;
  address: string;
}

const normaliseAddress = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .replace(/^.{1,6}?市/u, '');

/**
 * Links sector records to residents. A 宛名番号 that exists in juki with the same birth date (and reading,
 * where both are known) links; otherwise candidates are scored Fellegi–Sunter style. Only a unique exact
 * match on reading and birth date links without a person; anything weaker waits in the queue with its
 * candidates. A person's confirmation or rejection is applied before anything else, on every read.
 */
export class Linker {
  constructor(
    private readonly db: DataSource,
    readonly source: string,
    private readonly weights: Weights = DEFAULT_WEIGHTS,
  ) {}

  async link(identities: readonly Identity[]): Promise<Map<string, LinkOutcome>> {
    const outcomes = new Map<string, LinkOutcome>();
    if (identities.length === 0) return outcomes;
    const keys = identities.map((i) => i.sourceKey);
    const decisions: { source_key: string; atena_no: string; decision: string }[] = await this.db.query(
      `SELECT source_key, atena_no, decision FROM linkage.decision WHERE source = $1 AND source_key = ANY($2::text[])`,
      [this.source, keys],
    );
    const confirmed = new Map(decisions.filter((d) => d.decision === 'confirmed').map((d) => [d.source_key, d.atena_no]));
    const rejected = new Set(decisions.filter((d) => d.decision === 'rejected').map((d) => `${d.source_key}\u0000${d.atena_no}`));

    const kanaKeys = identities.map((i) => (i.nameKana ? normaliseKanaForMatch(i.nameKana) : null));
    const people: JukiRow[] = await this.db.query(
      `SELECT atena_no, kana_key, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex, address FROM juki.registered_person
       WHERE atena_no = ANY($1::text[]) OR kana_key = ANY($2::text[]) OR birth_date = ANY($3::date[])`,
      [
        identities.map((i) => i.atenaNo).filter((a): a is string => !!a),
        kanaKeys.filter((k): k is string => !!k),
        identities.map((i) => i.birthDate).filter((b): b is string => !!b),
      ],
    );
    const byAtena = new Map(people.map((p) => [p.atena_no, p]));
    const byKana = groupBy(people, (p) => p.kana_key);
    const byBirth = groupBy(people, (p) => p.birth_date);

    identities.forEach((identity, index) => {
      const kana = kanaKeys[index] ?? null;
      const chosen = confirmed.get(identity.sourceKey);
      if (chosen) return outcomes.set(identity.sourceKey, { state: 'linked', atenaNo: chosen, method: 'confirmed', score: null });
      const named = identity.atenaNo ? byAtena.get(identity.atenaNo) : undefined;
      if (named && this.consistent(named, identity, kana) && !rejected.has(`${identity.sourceKey}\u0000${named.atena_no}`)) {
        return outcomes.set(identity.sourceKey, { state: 'linked', atenaNo: named.atena_no, method: 'atena', score: null });
      }
      const blocked = new Set([
        ...(kana !== null ? (byKana.get(kana) ?? []) : []),
        ...(identity.birthDate ? (byBirth.get(identity.birthDate) ?? []) : []),
      ]);
      const candidates = [...blocked]
        .filter((p) => !rejected.has(`${identity.sourceKey}\u0000${p.atena_no}`))
        .map((p) => this.score(p, identity, kana))
        .filter((c) => c.score >= QUEUE_THRESHOLD)
        .sort((a, b) => b.score - a.score || a.atenaNo.localeCompare(b.atenaNo));
      const exact = candidates.filter((c) => c.agreements.kana && c.agreements.birthDate);
      if (exact.length === 1) {
        return outcomes.set(identity.sourceKey, { state: 'linked', atenaNo: exact[0]!.atenaNo, method: 'match', score: exact[0]!.score });
      }
      outcomes.set(identity.sourceKey, candidates.length > 0 ? { state: 'queued', candidates: candidates.slice(0, 5) } : { state: 'unmatched' });
    });
    await this.persist(outcomes, new Map(identities.map((i) => [i.sourceKey, i])));
    return outcomes;
  }

  /**
   * Links again every record of this source that waits (queued or unmatched), from the identity kept with it: what a
   * change to the registry calls, so a resident who arrives after the record links it within seconds. Returns how many
   * linked now.
   */
  async relinkWaiting(): Promise<number> {
    const waiting: { identity: Identity }[] = await this.db.query(
      `SELECT identity FROM linkage.link WHERE source = $1 AND state <> 'linked' AND identity IS NOT NULL ORDER BY source_key`,
      [this.source],
    );
    let linked = 0;
    for (let i = 0; i < waiting.length; i += 1000) {
      const outcomes = await this.link(waiting.slice(i, i + 1000).map((w) => w.identity));
      for (const outcome of outcomes.values()) if (outcome.state === 'linked') linked++;
    }
    return linked;
  }

  private consistent(person: JukiRow, identity: Identity, kana: string | null): boolean {
    if (identity.birthDate && identity.birthDate !== person.birth_date) return false;
    if (kana !== null && kana !== person.kana_key) return false;
    return Boolean(identity.birthDate || kana);
  }

  private score(person: JukiRow, identity: Identity, kana: string | null): Candidate {
    const agreements: Partial<Record<MatchField, boolean>> = {};
    const compare = (field: MatchField, mine: string | null | undefined, theirs: string): void => {
      if (mine) agreements[field] = mine === theirs;
    };
    compare('kana', kana, person.kana_key);
    compare('birthDate', identity.birthDate, person.birth_date);
    compare('sex', identity.sex, person.sex);
    compare('name', identity.name ? normaliseNameForMatch(identity.name) : null, normaliseNameForMatch(person.name));
    compare('address', identity.address ? normaliseAddress(identity.address) : null, normaliseAddress(person.address));
    let score = 0;
    for (const field of MATCH_FIELDS) {
      const agrees = agreements[field];
      if (agrees !== undefined) score += fieldWeight(this.weights, field, agrees);
    }
    return { atenaNo: person.atena_no, score: Math.round(score * 100) / 100, agreements };
  }

  private async persist(outcomes: Map<string, LinkOutcome>, identities: ReadonlyMap<string, Identity>): Promise<void> {
    const keys = [...outcomes.keys()];
    const rows = [...outcomes.entries()];
    // Only a record that waits keeps what it says about its subject: a linked one has the resident.
    const waiting = (key: string, o: LinkOutcome): string | null => (o.state === 'linked' ? null : JSON.stringify(identities.get(key) ?? null));
    await this.db.query(`DELETE FROM linkage.candidate WHERE source = $1 AND source_key = ANY($2::text[])`, [this.source, keys]);
    await this.db.query(
      `INSERT INTO linkage.link (source, source_key, atena_no, state, method, score, identity)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::real[], $7::jsonb[])
       ON CONFLICT (source, source_key) DO UPDATE SET atena_no = EXCLUDED.atena_no, state = EXCLUDED.state,
         method = EXCLUDED.method, score = EXCLUDED.score, identity = EXCLUDED.identity, updated_at = now()`,
      [
        this.source,
        keys,
        rows.map(([, o]) => (o.state === 'linked' ? o.atenaNo : null)),
        rows.map(([, o]) => o.state),
        rows.map(([, o]) => (o.state === 'linked' ? o.method : null)),
        rows.map(([, o]) => (o.state === 'linked' ? o.score : null)),
        rows.map(([key, o]) => waiting(key, o)),
      ],
    );
    const candidates = rows.flatMap(([key, o]) => (o.state === 'queued' ? o.candidates.map((c) => ({ key, ...c })) : []));
    if (candidates.length === 0) return;
    await this.db.query(
      `INSERT INTO linkage.candidate (source, source_key, atena_no, score, agreements)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::real[], $5::jsonb[])`,
      [
        this.source,
        candidates.map((c) => c.key),
        candidates.map((c) => c.atenaNo),
        candidates.map((c) => c.score),
        candidates.map((c) => JSON.stringify(c.agreements)),
      ],
    );
  }

  async awaitingLink(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM linkage.link WHERE source = $1 AND state <> 'linked'`, [this.source]);
    return row.n;
  }

  /** Records of this source no longer in it: their link goes too (the record itself is the adapter's to keep). */
  async forget(sourceKeys: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM linkage.link WHERE source = $1 AND source_key = ANY($2::text[])`, [this.source, sourceKeys]);
    await this.db.query(`DELETE FROM linkage.candidate WHERE source = $1 AND source_key = ANY($2::text[])`, [this.source, sourceKeys]);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
