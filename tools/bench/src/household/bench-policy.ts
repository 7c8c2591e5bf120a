import type { DataSource } from 'typeorm';
import { AuditLog } from '@welfare-hub/audit';
import type { HubContext } from '@welfare-hub/context';
import { Policy, RequestPolicy, type Decision, type Sector } from '@welfare-hub/policy';

/** Grants every sector without reading consents or meetings and without writing the audit log (decisions nor identity reads): the benchmark's yardstick only. */
class GrantAllRequestPolicy extends RequestPolicy {
  override decide(_personId: string, sector: Sector): Promise<Decision> {
    return Promise.resolve({ sector, status: 'GRANTED', basis: 'OWN_SECTOR', reference: null });
  }

  override reveal<T>(_personId: string, _sector: Sector, _purpose: string, load: () => Promise<T>): Promise<T | null> {
    return load();
  }

  override recordIdentityReads(): Promise<void> {
    return Promise.resolve();
  }
}

/** The real policy, or grant-all, switched between phases of one run so that both meet the same process and data. */
export class BenchPolicy extends Policy {
  mode: 'real' | 'grant-all' = 'real';
  private readonly log: AuditLog;

  constructor(private readonly database: DataSource) {
    super(database);
    this.log = new AuditLog(database);
  }

  override forRequest(context: HubContext): RequestPolicy {
    return this.mode === 'real' ? super.forRequest(context) : new GrantAllRequestPolicy(this.database, this.log, context);
  }
}
