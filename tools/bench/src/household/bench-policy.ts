import type { DataSource } from 'typeorm';
import { AuditLog } from '@welfare-hub/audit';
import type { HubContext } from '@welfare-hub/context';
import { Policy, RequestPolicy, type Decision, type Sector } from '@welfare-hub/policy';

/** Grants every sector without reading consents or meetings and without writing the audit log (decisions nor identity reads): the benchmark's yardstick only. */
class GrantAllRequestPolicy extends RequestPolicy {
  override decide(_personId: string, sector: Sector): Promise<Decision> {
    return Promise.resolve({ sector, status: 'GRANTED', basis: 'OWN_SECTOR', reference: null, releasesYoutaikyo: true });
  }

  override async reveal<T>(personId: string, sector: Sector, _purpose: string, load: (decision: Decision) => Promise<T>): Promise<T | null> {
    return load(await this.decide(personId, sector));
  }

  override recordIdentityReads(): Promise<void> {
    return Promise.resolve();
  }
}

/** The real policy, grant-all or identity-unaudited, switched between phases of one run so that all meet the same process and data. */
export class BenchPolicy extends Policy {
  mode: 'real' | 'grant-all' | 'identity-unaudited' = 'real';
  private readonly log: AuditLog;

  constructor(private readonly database: DataSource) {
    super(database);
    this.log = new AuditLog(database);
  }

  override forRequest(context: HubContext): RequestPolicy {
    if (this.mode === 'grant-all') return new GrantAllRequestPolicy(this.database, this.log, context);
    const real = super.forRequest(context);
    // identity-unaudited: the real policy (its audit log and per-request facts included) with identity reads not
    // written, as the hub was before issue 13: the yardstick of what auditing them costs.
    if (this.mode === 'identity-unaudited') real.recordIdentityReads = () => Promise.resolve();
    return real;
  }
}
