import type { DataSource } from 'typeorm';
import DataLoader from 'dataloader';
import type { AuditEntry, AuditLog } from '@welfare-hub/audit';
import { hasRole, type HubContext } from '@welfare-hub/context';
import { todayInTokyo } from '@welfare-hub/codec';
import { preparedQuery } from '@welfare-hub/store';
import { caseAccess, recordedPurpose, referralAccess, type CaseAccess, type CaseFacts, type CaseViewer, type ReferralFacts } from './case-rules.js';
import type { RequestFactsCache } from './request-facts.js';

/** The audit log's sector column for case work: not one of the four sectors, so accessLog (sector data) leaves it out. */
export const CASE_AUDIT_SECTOR = 'CASE';

type Question =
  | { kind: 'case'; id: string; facts: CaseFacts | null; purpose: string }
  | { kind: 'referral'; id: string; facts: ReferralFacts | null; purpose: string };

/**
 * The case rules for one subgraph request: reads the viewer once, decides every case or referral asked (case-rules.ts)
 * and appends each decision, granted or denied, to the audit log before the answer is handed out, one entry per subject
 * (the case's id as the reference), so that a person's 開示 shows who read their case work. Like sector decisions,
 * batched per request and recorded once per (case, purpose).
 */
export class CasePolicy {
  private viewerPromise: Promise<CaseViewer | null> | undefined;
  private readonly loader: DataLoader<Question, CaseAccess, string>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly context: HubContext,
    private readonly sharedFacts: RequestFactsCache,
  ) {
    this.loader = new DataLoader((qs) => this.decideAll(qs), { cacheKeyFn: (q) => `${q.kind}\u0000${q.id}\u0000${q.purpose}` });
  }

  /**
   * Registered staff of an organisation inside welfare (民生委員 and utilities submit concerns, they read no case), never
   * an analyst; null otherwise. Read once per subgraph request.
   */
  viewer(): Promise<CaseViewer | null> {
    this.viewerPromise ??= this.readViewer();
    return this.viewerPromise;
  }

  private async readViewer(): Promise<CaseViewer | null> {
    const { viewer } = this.context;
    if (hasRole(viewer, 'analyst')) return null;
    const [row] = await preparedQuery<{ org_id: string }>(
      this.db,
      'hub-case-viewer',
      `SELECT org_id FROM hub.registered_staff WHERE id = $1 AND org_id = $2 AND NOT outside_welfare`,
      [viewer.staffId, viewer.orgId],
    );
    return row ? { staffId: viewer.staffId, orgId: row.org_id, coordinator: hasRole(viewer, 'coordinator') } : null;
  }

  /** May this viewer see this case (null: no such case, decided and recorded exactly as a case the viewer may not see). */
  decideCase(id: string, facts: CaseFacts | null, purpose: string): Promise<CaseAccess> {
    return this.loader.load({ kind: 'case', id, facts, purpose });
  }

  decideReferral(id: string, facts: ReferralFacts | null, purpose: string): Promise<CaseAccess> {
    return this.loader.load({ kind: 'referral', id, facts, purpose });
  }

  private async decideAll(questions: readonly Question[]): Promise<CaseAccess[]> {
    const viewer = await this.viewer();
    const { meetingId } = this.context;
    // The 支援会議 basis is the sector rules' own (facts.ts): the persons the named meeting lets this viewer see.
    const unconsented = questions.flatMap((q) => (q.kind === 'case' && q.facts && !q.facts.consented ? q.facts.subjectIds : []));
    const inMeeting =
      viewer && meetingId && unconsented.length > 0
        ? (await this.sharedFacts.facts(this.db, this.context, unconsented, todayInTokyo())).inMeeting
        : new Set<string>();
    const decisions = questions.map((q) => (q.kind === 'case' ? caseAccess(viewer, q.facts, inMeeting, meetingId) : referralAccess(viewer, q.facts)));
    const { viewer: v, requestId, caseId } = this.context;
    const at = new Date();
    const entries: AuditEntry[] = questions.flatMap((q, i) => {
      const d = decisions[i]!;
      const subjects = q.facts && q.facts.subjectIds.length > 0 ? q.facts.subjectIds : [''];
      return subjects.map((personId) => ({
        at,
        requestId,
        staffId: v.staffId,
        orgId: v.orgId,
        personId,
        sector: CASE_AUDIT_SECTOR,
        status: d.status,
        basis: d.basis,
        reference: q.id,
        purpose: recordedPurpose(caseId, q.purpose),
      }));
    });
    // Fail closed: if the log cannot be written, no decision (and so no case) is handed out.
    await this.audit.append(entries);
    return decisions;
  }
}
