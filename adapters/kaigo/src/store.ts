import type { DataSource, EntityManager } from 'typeorm';
import type { Hihokensha, Nintei, Sodan } from './records.js';

async function insert(tx: EntityManager, table: string, columns: string[], types: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = rows.slice(i, i + 2000);
    await tx.query(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${types.map((t, n) => `$${n + 1}::${t}[]`).join(', ')})`,
      columns.map((_, c) => batch.map((r) => r[c])),
    );
  }
}

/**
 * Writes a read into the hub's copy: a full read replaces it (the periodic full comparison), an incremental
 * one changes only the rows it carries.
 */
export async function writeCopy(
  tx: EntityManager,
  full: boolean,
  hihokensha: readonly Hihokensha[],
  nintei: readonly Nintei[],
  sodan: readonly Sodan[],
): Promise<void> {
  if (full) {
    await tx.query(`TRUNCATE kaigo.hihokensha, kaigo.nintei, kaigo.sodan`);
  } else {
    await tx.query(`DELETE FROM kaigo.hihokensha WHERE no = ANY($1::text[])`, [hihokensha.map((h) => h.no)]);
    await tx.query(`DELETE FROM kaigo.nintei WHERE (no, rireki) IN (SELECT * FROM unnest($1::text[], $2::int[]))`, [
      nintei.map((n) => n.no),
      nintei.map((n) => n.rireki),
    ]);
    await tx.query(`DELETE FROM kaigo.sodan WHERE id = ANY($1::text[])`, [sodan.map((s) => s.id)]);
  }
  await insert(
    tx,
    'kaigo.hihokensha',
    ['no', 'atena_no', 'name', 'name_kana', 'birth_date', 'sex', 'kbn', 'acquired_on', 'lost_on'],
    ['text', 'text', 'text', 'text', 'date', 'text', 'text', 'date', 'date'],
    hihokensha.map((h) => [h.no, h.atenaNo, h.name, h.nameKana, h.birthDate, h.sex, h.kbn, h.acquiredOn, h.lostOn]),
  );
  await insert(
    tx,
    'kaigo.nintei',
    ['no', 'rireki', 'level', 'applied_on', 'certified_on', 'valid_from', 'valid_until'],
    ['text', 'int', 'text', 'date', 'date', 'date', 'date'],
    nintei.map((n) => [n.no, n.rireki, n.level, n.appliedOn, n.certifiedOn, n.validFrom, n.validUntil]),
  );
  await insert(
    tx,
    'kaigo.sodan',
    ['id', 'no', 'atena_no', 'kana', 'center', 'date', 'category', 'summary', 'status'],
    ['text', 'text', 'text', 'text', 'text', 'date', 'text', 'text', 'text'],
    sodan.map((s) => [s.id, s.no, s.atenaNo, s.kana, s.center, s.date, s.category, s.summary, s.status]),
  );
}

export interface KaigoProfile {
  insuredNumber: string | null;
  careLevel: string | null;
  careLevelValidUntil: string | null;
  consultations: { id: string; date: string; category: string; status: 'OPEN' | 'CLOSED'; summary: string | null }[];
}

/**
 * Each person's 介護 profile in two queries. The current certification is the row with the highest RIREKI_NO
 * whose 有効期間 covers today; with none, a newer application still 審査中 shows as PENDING.
 */
export async function kaigoProfiles(db: DataSource, atenaNos: readonly string[], today: string): Promise<Map<string, KaigoProfile>> {
  const profiles = new Map<string, KaigoProfile>(
    atenaNos.map((a) => [a, { insuredNumber: null, careLevel: null, careLevelValidUntil: null, consultations: [] }]),
  );
  const insured: { atena_no: string; no: string; level: string | null; valid_until: string | null }[] = await db.query(
    `SELECT l.atena_no, h.no,
       COALESCE(cur.level, CASE WHEN pend.level IS NOT NULL THEN 'PENDING' END) AS level, cur.valid_until
     FROM kaigo.hihokensha h
     JOIN linkage.linked_record l ON l.source = 'kaigo-hihokensha' AND l.source_key = h.no
     LEFT JOIN LATERAL (SELECT n.level, to_char(n.valid_until, 'YYYY-MM-DD') AS valid_until FROM kaigo.nintei n
       WHERE n.no = h.no AND n.valid_from <= $2::date AND n.valid_until >= $2::date ORDER BY n.rireki DESC LIMIT 1) cur ON true
     LEFT JOIN LATERAL (SELECT n.level FROM kaigo.nintei n WHERE n.no = h.no AND n.level = 'PENDING'
       AND n.rireki = (SELECT max(rireki) FROM kaigo.nintei m WHERE m.no = h.no) LIMIT 1) pend ON true
     WHERE l.atena_no = ANY($1::text[])`,
    [atenaNos, today],
  );
  for (const r of insured) {
    const p = profiles.get(r.atena_no);
    if (p) Object.assign(p, { insuredNumber: r.no, careLevel: r.level, careLevelValidUntil: r.valid_until });
  }
  const consultations: { atena_no: string; id: string; date: string | null; category: string; status: 'OPEN' | 'CLOSED'; summary: string | null }[] =
    await db.query(
      `SELECT l.atena_no, s.id, to_char(s.date, 'YYYY-MM-DD') AS date, s.category, s.status, s.summary FROM kaigo.sodan s
     JOIN linkage.linked_record l ON l.source = 'kaigo-sodan' AND l.source_key = s.id
     WHERE l.atena_no = ANY($1::text[]) AND s.date IS NOT NULL ORDER BY s.date DESC, s.id`,
      [atenaNos],
    );
  for (const c of consultations)
    profiles.get(c.atena_no)?.consultations.push({ id: c.id, date: c.date!, category: c.category, status: c.status, summary: c.summary });
  return profiles;
}
