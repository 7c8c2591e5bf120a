import type { DataSource } from 'typeorm';
import DataLoader from 'dataloader';
import type { RequestPolicy } from '@welfare-hub/policy';
import type { HubRecords } from './hub-records.js';
import * as parts from './store/case-parts.js';
import { caseIdsBySubject } from './store/case-rows.js';
import type { FundingRule } from './figures/funding-rule.js';

/** What every resolver of one subgraph request gets. */
export interface CasesContext {
  policy: RequestPolicy;
  hub: HubRecords;
  db: DataSource;
  /** The 課題 codes an assessment may use (HUB_CASE_ISSUES). */
  issues: ReadonlyMap<string, string>;
  figures: { threshold: number; rule: FundingRule };
  loaders: CaseLoaders;
}

/** The parts of the cases a request reads, each in one statement for all the cases it lists. */
export function caseLoaders(db: DataSource) {
  return {
    assessment: new DataLoader((ids: readonly string[]) => parts.assessments(db, ids)),
    plans: new DataLoader((ids: readonly string[]) => parts.plans(db, ids)),
    decisions: new DataLoader((ids: readonly string[]) => parts.decisions(db, ids)),
    contacts: new DataLoader((ids: readonly string[]) => parts.contacts(db, ids)),
    participations: new DataLoader((ids: readonly string[]) => parts.participations(db, ids)),
    /** The case ids of each person (a household's members asked together: one statement). */
    casesOf: new DataLoader(async (personIds: readonly string[]) => {
      const map = await caseIdsBySubject(db, personIds);
      return personIds.map((p) => map.get(p) ?? []);
    }),
    hosts: new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await parts.hosts(db, ids)).map((h) => [h.id, h]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
  };
}
export type CaseLoaders = ReturnType<typeof caseLoaders>;
