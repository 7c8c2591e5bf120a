import type { EntityManager } from 'typeorm';
import type { Jukyusha, ShogaiKind, Sodan, Techo } from '../parse/index.js';

type Row = Techo | Jukyusha | Sodan;

const COLUMNS: Record<ShogaiKind, { table: string; columns: string[]; types: string[]; values: (r: never) => unknown[] }> = {
  TECHO: {
    table: 'shogai.techo',
    columns: ['source_key', 'atena_no', 'name', 'name_kana', 'birth_date', 'type', 'grade', 'disability', 'issued_on', 'valid_until', 'updated_at'],
    types: ['text', 'text', 'text', 'text', 'date', 'text', 'text', 'text', 'date', 'date', 'timestamptz'],
    values: (r: Techo) => [
      r.sourceKey,
      r.atenaNo,
      r.name,
      r.nameKana,
      r.birthDate,
      r.type,
      r.grade,
      r.disability,
      r.issuedOn,
      r.validUntil,
      r.updatedAt,
    ],
  },
  JUKYUSHA: {
    table: 'shogai.jukyusha',
    columns: [
      'source_key',
      'atena_no',
      'name_kana',
      'birth_date',
      'support_level',
      'services',
      'valid_from',
      'valid_until',
      'plan_office',
      'updated_at',
    ],
    types: ['text', 'text', 'text', 'date', 'text', 'jsonb', 'date', 'date', 'text', 'timestamptz'],
    values: (r: Jukyusha) => [
      r.sourceKey,
      r.atenaNo,
      r.nameKana,
      r.birthDate,
      r.supportLevel,
      JSON.stringify(r.services),
      r.validFrom,
      r.validUntil,
      r.planOffice,
      r.updatedAt,
    ],
  },
  SODAN: {
    table: 'shogai.sodan',
    columns: ['source_key', 'atena_no', 'name_kana', 'birth_date', 'date', 'category', 'summary', 'office', 'status'],
    types: ['text', 'text', 'text', 'date', 'date', 'text', 'text', 'text', 'text'],
    values: (r: Sodan) => [r.sourceKey, r.atenaNo, r.nameKana, r.birthDate, r.date, r.category, r.summary, r.office, r.status],
  },
};

/** Replaces the stored snapshot of one export with a complete new one; returns the keys that left the source. */
export async function replaceSnapshot(tx: EntityManager, kind: ShogaiKind, snapshot: string, rows: readonly Row[]): Promise<string[]> {
  const spec = COLUMNS[kind];
  const before: { source_key: string }[] = await tx.query(`SELECT source_key FROM ${spec.table}`);
  await tx.query(`DELETE FROM ${spec.table}`);
  // Duplicate keys in one export: the last row wins, as the source's own later line would.
  const unique = [...new Map(rows.map((r) => [r.sourceKey, r])).values()];
  for (let i = 0; i < unique.length; i += 2000) {
    const batch = unique.slice(i, i + 2000).map((r) => spec.values(r as never));
    const arrays = spec.columns.map((_, c) => batch.map((values) => values[c]));
    const casts = spec.types.map((t, c) => `$${c + 1}::${t}[]`);
    await tx.query(
      `INSERT INTO ${spec.table} (${spec.columns.join(', ')}, snapshot)
       SELECT *, $${spec.columns.length + 1} FROM unnest(${casts.join(', ')})`,
      [...arrays, snapshot],
    );
  }
  const now = new Set(unique.map((r) => r.sourceKey));
  return before.map((r) => r.source_key).filter((k) => !now.has(k));
}
