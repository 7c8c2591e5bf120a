import type { PersonStore } from '@welfare-hub/adapter-juki';

/**
 * Which of these persons are under a 住民基本台帳 支援措置 (DV, stalking, abuse: legacy/juki.md 支援措置), so that each
 * read of them is flagged for the privacy officer (protectedReads).
 *
 * PLACEHOLDER (issue 13): the 支援措置 list is read into the juki module by another change, which gives PersonStore a
 * way to tell (e.g. `store.protectedIds(ids)`); call it here then. Until it lands this answers "none", so every
 * identity read is recorded with `protected: false`.
 */
export async function protectedPersons(_store: PersonStore, _ids: readonly string[]): Promise<ReadonlySet<string>> {
  return new Set();
}
