import type { DataSource } from 'typeorm';

/** Each source as the index saw it when its build began. */
export type SourceSnapshot = Record<string, { generation: number; readAt: string | null }>;

export interface IndexProvenance {
  /** null while no index has been built. */
  indexBuiltAt: Date | null;
  asOf: string | null;
  sources: SourceSnapshot;
}

/** When the current index was built, for which day, and from which reads. */
export async function indexProvenance(db: DataSource): Promise<IndexProvenance> {
  const [row]: { built_at: Date | null; as_of: string | null; sources: SourceSnapshot }[] = await db.query(
    `SELECT built_at, to_char(as_of, 'YYYY-MM-DD') AS as_of, sources FROM analytics.state`,
  );
  return { indexBuiltAt: row?.built_at ?? null, asOf: row?.as_of ?? null, sources: row?.sources ?? {} };
}

/** The read time of each source, in a stable order, as the analysts' tables give it. */
export function sourcesReadAt(sources: SourceSnapshot): { source: string; readAt: string | null }[] {
  return Object.keys(sources)
    .sort()
    .map((source) => ({ source, readAt: sources[source]!.readAt }));
}
