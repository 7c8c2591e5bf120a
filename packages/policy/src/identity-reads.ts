import { identityPurpose, type AuditEntry } from '@welfare-hub/audit';
import type { HubContext } from '@welfare-hub/context';

/** One person whose identity a request shows: read (person, household, a member list) or found by a search. */
export interface IdentityRead {
  personId: string;
  action: 'READ' | 'SEARCH';
  /** Under a 住民基本台帳 支援措置 at the time: flagged for the privacy officer (protectedReads). */
  protected: boolean;
}

/**
 * The audit entries of a request's identity reads: no sector and no basis beyond the viewer's registration. The
 * x-hub-meeting header is not recorded: identity does not rest on a meeting, and the header is the client's word.
 */
export function identityEntries(context: HubContext, reads: readonly IdentityRead[], at: Date): AuditEntry[] {
  const { viewer, requestId } = context;
  return reads.map((r) => ({
    at,
    requestId,
    staffId: viewer.staffId,
    orgId: viewer.orgId,
    personId: r.personId,
    sector: null,
    status: 'GRANTED',
    basis: null,
    reference: null,
    purpose: identityPurpose(r.action),
    action: r.action,
    protected: r.protected,
  }));
}
