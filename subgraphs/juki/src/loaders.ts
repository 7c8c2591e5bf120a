import DataLoader from 'dataloader';
import type { PersonRow, PersonStore } from '@welfare-hub/adapter-juki';

export interface JukiLoaders {
  person: DataLoader<string, PersonRow | null>;
  /** Every record (current and removed) of a 世帯. */
  setai: DataLoader<string, PersonRow[]>;
}

/** Per request: one query for all persons and one for all 世帯 a query touches, however many entities it asks for. */
export function createLoaders(store: PersonStore): JukiLoaders {
  return {
    person: new DataLoader(async (ids) => {
      const rows = await store.byIds(ids);
      const byId = new Map(rows.map((r) => [r.atenaNo, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    setai: new DataLoader(async (ids) => {
      const rows = await store.bySetai(ids);
      const bySetai = new Map<string, PersonRow[]>(ids.map((id) => [id, []]));
      for (const row of rows) bySetai.get(row.setaiNo)?.push(row);
      return ids.map((id) => bySetai.get(id) ?? []);
    }),
  };
}
