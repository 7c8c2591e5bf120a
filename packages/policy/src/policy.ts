import type { DataSource } from 'typeorm';
import DataLoader from 'dataloader';
import { AuditLog, decisionPurpose } from '@welfare-hub/audit';
import { identityEntries, type IdentityRead } from './identity-reads.js';
import { hasRole, type HubContext, type Role } from '@welfare-hub/context';
import type { Registration } from './registration.js';
import { denied, type Decision } from './decision.js';
import { RequestFactsCache } from './request-facts.js';
import { todayInTokyo } from '@welfare-hub/codec';
import { policyDecisions } from '@welfare-hub/metrics';
import { registeredSectors, type Sector } from './sector.js';
import { CasePolicy } from './case-policy.js';
import { recordedPurpose } from './case-rules.js';

/**
 * The one place where the hub decides what a viewer may see. A RequestPolicy lives for one subgraph
 * request; what it reads from the register, consents and meetings is read once per client request (shared by the
 * subgraph calls of that request in this process, request-facts.ts) and never across requests, so a change holds
 * from the next request on every replica.
 */
export class Policy {
  private readonly audit: AuditLog;
  private readonly facts = new RequestFactsCache();

  constructor(private readonly db: DataSource) {
    this.audit = new AuditLog(db);
  }

  forRequest(context: HubContext): RequestPolicy {
    return new RequestPolicy(this.db, this.audit, context, this.facts);
  }
}

interface Question {
  personId: string;
  sector: Sector;
  purpose: string;
}

export class RequestPolicy {
  private registrationPromise: Promise<Registration | null> | undefined;
  private casePolicy: CasePolicy | undefined;
  private readonly decisions: DataLoader<Question, { decision: Decision; audited: Promise<void> }, string>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    readonly context: HubContext,
    private readonly sharedFacts: RequestFactsCache = new RequestFactsCache(),
  ) {
    // All the decisions of one subgraph request are made, and written to the audit log, together; a question
    // asked twice in a request is answered (and recorded) once.
    this.decisions = new DataLoader((questions) => this.decideAll(questions), {
      cacheKeyFn: (q) => `${q.personId}\u0000${q.sector}\u0000${q.purpose}`,
    });
  }

  hasRole(role: Role): boolean {
    return hasRole(this.context.viewer, role);
  }

  /** The case rules (case-rules.ts) for this request, recorded in the same audit log. */
  cases(): CasePolicy {
    this.casePolicy ??= new CasePolicy(this.db, this.audit, this.context, this.sharedFacts);
    return this.casePolicy;
  }

  registration(): Promise<Registration | null> {
    // The same read, shared by the request's subgraph calls, as the decisions' facts: one look at the register.
    this.registrationPromise ??= this.sharedFacts.facts(this.db, this.context, [], todayInTokyo()).then((f) => f.registration);
    return this.registrationPromise;
  }

  /**
   * A resident's identity (the registry's fields) is shown to registered staff of an organisation inside welfare.
   * Staff of an organisation registered outside welfare (民生委員, a utility) submit concerns and see no one; an
   * analyst sees counts only, never a person, whatever else the token says.
   */
  async identityVisible(): Promise<boolean> {
    if (this.hasRole('analyst')) return false;
    const registration = await this.registration();
    return registration !== null && !registration.outsideWelfare;
  }

  /**
   * Writes identity reads to the audit log, in one append, and resolves once they are committed: the caller
   * returns the identity only then (no audit, no data, as for sector decisions).
   */
  recordIdentityReads(reads: readonly IdentityRead[]): Promise<void> {
    return this.audit.append(identityEntries(this.context, reads, new Date()));
  }

  /**
   * The basis for seeing a person's data of one sector, decided without looking at that data: the answer,
   * and the time it takes, are the same whether or not the sector holds anything about the person.
   * The bases in the contract's order: OWN_SECTOR (the viewer's organisation holds the sector), then CONSENT
   * (an active consent of the person, in its period today, names the organisation and the sector), then
   * SUPPORT_MEETING (the 支援会議 named by x-hub-meeting, see facts.ts); for KODOMO a 要対協 meeting comes before consent.
   */
  async decide(personId: string, sector: Sector, purpose = `Person.${sector.toLowerCase()}`): Promise<Decision> {
    const { decision, audited } = await this.decisions.load({ personId, sector, purpose });
    await audited;
    return decision;
  }

  /**
   * Decides, then, on GRANTED only, loads the data while the decision is being written to the audit log, and
   * returns the data once both are done: never before the decision is recorded, never if it could not be. The load is
   * given the decision, for what it releases beyond the basis (a 要対協 case, youtaikyo.ts).
   */
  async reveal<T>(personId: string, sector: Sector, purpose: string, load: (decision: Decision) => Promise<T>): Promise<T | null> {
    const { decision, audited } = await this.decisions.load({ personId, sector, purpose });
    const [, data] = await Promise.all([audited, decision.status === 'GRANTED' ? load(decision) : Promise.resolve(null)]);
    return data;
  }

  /** One decision per sector, in the contract's order. */
  access(personId: string): Promise<Decision[]> {
    return Promise.all(registeredSectors().map((sector) => this.decide(personId, sector, 'Person.access')));
  }

  /**
   * Decides every question of the batch and starts recording them all; callers get a decision only together with
   * its record (decide, reveal): if the audit log cannot be written, no data guarded by it leaves the subgraph.
   */
  private async decideAll(questions: readonly Question[]): Promise<{ decision: Decision; audited: Promise<void> }[]> {
    const { meetingId } = this.context;
    // An analyst sees counts only; for anyone else the registration, consents and meeting come in one read.
    const facts = this.hasRole('analyst')
      ? null
      : await this.sharedFacts.facts(
          this.db,
          this.context,
          questions.map((q) => q.personId),
          todayInTokyo(),
        );
    const registration = facts?.registration ?? null;
    const consents = facts?.consents ?? [];
    const inMeeting = facts?.inMeeting ?? new Set<string>();
    // A 要対協 meeting opens its subjects' KODOMO only, 要対協 cases included (access rule 4, youtaikyo.ts), and is tried
    // before consent for KODOMO because it releases more; a 支援会議 opens every sector but never a 要対協 case.
    const youtaikyo = facts?.meetingKind === 'YOUTAIKYO';
    const decisions = questions.map(({ personId, sector }): Decision => {
      if (!registration) return denied(sector);
      if (registration.sectors.includes(sector)) return { sector, status: 'GRANTED', basis: 'OWN_SECTOR', reference: null, releasesYoutaikyo: true };
      if (youtaikyo && sector === 'KODOMO' && inMeeting.has(personId))
        return { sector, status: 'GRANTED', basis: 'SUPPORT_MEETING', reference: meetingId, releasesYoutaikyo: true };
      const consent = consents.find((c) => c.personId === personId && c.sectors.includes(sector));
      if (consent) return { sector, status: 'GRANTED', basis: 'CONSENT', reference: consent.id, releasesYoutaikyo: false };
      if (!youtaikyo && inMeeting.has(personId))
        return { sector, status: 'GRANTED', basis: 'SUPPORT_MEETING', reference: meetingId, releasesYoutaikyo: false };
      return denied(sector);
    });
    const { viewer, requestId, caseId } = this.context;
    const at = new Date();
    const audited = this.audit.append(
      questions.map((q, i) => ({
        at,
        requestId,
        staffId: viewer.staffId,
        orgId: viewer.orgId,
        personId: q.personId,
        sector: q.sector,
        // x-hub-case: the case the request is made for is part of the recorded purpose of every decision.
        status: decisions[i]!.status,
        basis: decisions[i]!.basis,
        reference: decisions[i]!.reference,
        purpose: recordedPurpose(caseId, decisionPurpose(q.purpose, q.sector, decisions[i]!.status, decisions[i]!.basis)),
      })),
    );
    for (const d of decisions) policyDecisions.inc({ sector: d.sector, status: d.status, basis: d.basis ?? 'NONE' });
    // Every caller awaits it; this only keeps a failure seen by nobody yet from counting as unhandled.
    audited.catch(() => undefined);
    return decisions.map((decision) => ({ decision, audited }));
  }
}
