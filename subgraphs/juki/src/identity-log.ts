import DataLoader from 'dataloader';
import type { PersonRow, PersonStore } from '@welfare-hub/adapter-juki';
import type { RequestPolicy } from '@welfare-hub/policy';

interface Shown {
  personId: string;
  action: 'READ' | 'SEARCH';
  /** Their address is withheld (支援措置 on them or their household): only then can they be protected themselves. */
  withheld: boolean;
}

/**
 * The identity reads of one subgraph request, written to the audit log together: every person and 世帯 the resolvers
 * are about to return waits here until its entry is committed (no audit, no identity). DataLoader gathers the reads of
 * one tick into one append, and a person shown twice in a request is recorded once per action.
 */
export class IdentityLog {
  private readonly loader: DataLoader<Shown, void, string>;

  constructor(policy: RequestPolicy, store: PersonStore) {
    this.loader = new DataLoader(
      async (shown) => {
        // Each read of a resident under a 支援措置 is flagged for the privacy officer (protectedReads); only a person whose
        // address is withheld can be one, so most requests ask nothing more of the store.
        const protectedIds = await store.protectedIds([...new Set(shown.filter((s) => s.withheld).map((s) => s.personId))]);
        await policy.recordIdentityReads(shown.map((s) => ({ ...s, protected: protectedIds.has(s.personId) })));
        return shown.map(() => undefined);
      },
      { cacheKeyFn: (s) => `${s.action}\u0000${s.personId}` },
    );
  }

  /** A person, a member list, or a 世帯 (whose address and district are its members'), shown. */
  async read(rows: readonly PersonRow[]): Promise<void> {
    await Promise.all(rows.map((r) => this.loader.load({ personId: r.atenaNo, action: 'READ', withheld: r.addressWithheld })));
  }

  /** The persons a search returns. */
  async found(rows: readonly PersonRow[]): Promise<void> {
    await Promise.all(rows.map((r) => this.loader.load({ personId: r.atenaNo, action: 'SEARCH', withheld: r.addressWithheld })));
  }
}
