import type { DataSource } from 'typeorm';

export interface ShogaiProfile {
  certificates: { type: string; grade: string; validUntil: string | null }[];
  supportLevel: string | null;
  services: string[];
  consultations: { id: string; date: string; category: string; status: 'OPEN' | 'CLOSED'; summary: string | null }[];
}

const empty = (): ShogaiProfile => ({ certificates: [], supportLevel: null, services: [], consultations: [] });

/** What the 障害 sector holds about each linked person, read in three queries for any number of persons. */
export async function shogaiProfiles(db: DataSource, atenaNos: readonly string[], today: string): Promise<Map<string, ShogaiProfile>> {
  const profiles = new Map(atenaNos.map((a) => [a, empty()]));
  const linked = (source: string, table: string, columns: string, extra = ''): Promise<Record<string, unknown>[]> =>
    db.query(
      `SELECT l.atena_no, ${columns} FROM ${table} t
       JOIN linkage.linked_record l ON l.source = '${source}' AND l.source_key = t.source_key
       WHERE l.atena_no = ANY($1::text[]) ${extra}`,
      extra.includes('$2') ? [atenaNos, today] : [atenaNos],
    );
  const [techo, jukyusha, sodan] = await Promise.all([
    linked('shogai-techo', 'shogai.techo', `t.type, t.grade, to_char(t.valid_until, 'YYYY-MM-DD') AS valid_until`, 'ORDER BY t.issued_on'),
    linked(
      'shogai-jukyusha',
      'shogai.jukyusha',
      't.support_level, t.services',
      'AND t.valid_from <= $2::date AND t.valid_until >= $2::date ORDER BY t.valid_from',
    ),
    linked(
      'shogai-sodan',
      'shogai.sodan',
      `t.source_key, to_char(t.date, 'YYYY-MM-DD') AS date, t.category, t.status, t.summary`,
      'ORDER BY t.date DESC, t.source_key',
    ),
  ]);
  for (const r of techo)
    profiles
      .get(r['atena_no'] as string)
      ?.certificates.push({ type: r['type'] as string, grade: r['grade'] as string, validUntil: (r['valid_until'] as string | null) ?? null });
  for (const r of jukyusha) {
    const profile = profiles.get(r['atena_no'] as string);
    if (!profile) continue;
    profile.supportLevel = (r['support_level'] as string | null) ?? profile.supportLevel;
    for (const service of r['services'] as string[]) if (!profile.services.includes(service)) profile.services.push(service);
  }
  for (const r of sodan) {
    profiles.get(r['atena_no'] as string)?.consultations.push({
      id: r['source_key'] as string,
      date: r['date'] as string,
      category: r['category'] as string,
      status: r['status'] as 'OPEN' | 'CLOSED',
      summary: (r['summary'] as string | null) ?? null,
    });
  }
  return profiles;
}
