import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import type { CaseAccess, CaseFacts, CaseViewer } from '@welfare-hub/policy';
import type { CasesContext } from '../context.js';
import { caseRows, type CaseRow } from '../store/case-rows.js';
import type { ReferralRow } from '../store/referrals.js';
import type { ParticipationRow } from '../store/case-parts.js';

/** A case together with what this viewer may see of it: every field resolver reads `access`. */
export type CaseView = CaseRow & { access: CaseAccess };
export type ReferralView = ReferralRow & { access: CaseAccess };
/** A participation with the case it belongs to, so that its follow-ups follow the case's rules. */
export type ParticipationView = ParticipationRow & { view: CaseView };

/** Registered staff of an organisation inside welfare, or FORBIDDEN naming the rule. */
export async function requireViewer(ctx: CasesContext): Promise<CaseViewer> {
  const viewer = await ctx.policy.cases().viewer();
  if (!viewer) throw forbidden('Case work is for registered staff of a welfare organisation (analysts see figures only)');
  return viewer;
}

export async function requireCoordinator(ctx: CasesContext): Promise<CaseViewer> {
  if (!ctx.policy.hasRole('coordinator')) throw forbidden("This step is the 多機関協働 team's: it needs the role coordinator");
  return requireViewer(ctx);
}

/** The facts the case rules read: whether its consent is attached and active today comes from the hub's consents. */
export async function caseFacts(ctx: CasesContext, rows: readonly CaseRow[]): Promise<Map<string, CaseFacts>> {
  const consents = await ctx.hub.consents(rows.flatMap((r) => (r.consentId ? [r.consentId] : [])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        subjectIds: r.subjectIds,
        consented: r.consentId !== null && consents.get(r.consentId)?.active === true,
        leadOrgId: r.leadOrgId,
        planRoles: r.planRoles,
      },
    ]),
  );
}

/**
 * The cases among `ids` this viewer may see, in the order asked, each decided by the policy and recorded in the audit log
 * under `purpose` (an id with no case is decided and recorded as one the viewer may not see). Not-visible ones are left out.
 */
export async function visibleCases(ctx: CasesContext, ids: readonly string[], purpose: string): Promise<CaseView[]> {
  if (ids.length === 0) return [];
  const rows = await caseRows(ctx.db, ids);
  const facts = await caseFacts(ctx, [...rows.values()]);
  const policy = ctx.policy.cases();
  const decided = await Promise.all(ids.map((id) => policy.decideCase(id, facts.get(id) ?? null, purpose)));
  return ids.flatMap((id, i) => {
    const row = rows.get(id);
    const access = decided[i]!;
    return row && access.status === 'GRANTED' ? [{ ...row, access }] : [];
  });
}

export async function visibleCase(ctx: CasesContext, id: string, purpose: string): Promise<CaseView | null> {
  return (await visibleCases(ctx, [id], purpose))[0] ?? null;
}

/** Sees everything of the case: the coordinators, the 主担当, the 支援会議 a case without consent lives under. */
export const full = (c: CaseView): boolean => c.access.level === 'FULL';
/** Sees the records about this member (or, for null, the records about the case as a whole: FULL only). */
export const seesMember = (c: CaseView, personId: string | null): boolean =>
  full(c) || (personId !== null && c.access.level === 'MEMBER' && c.access.members.includes(personId));
/** Sees the assessment and decision notes: the 主担当 and organisations with a role for a member. */
export const seesDetail = (c: CaseView): boolean => full(c) || c.access.level === 'MEMBER';

// ---- input checks: each names its field, so a worker knows what to fix ----

export function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) throw badInput(field, `${field} must be 1-${max} characters`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  return value == null || value.trim() === '' ? null : text(field, value, max);
}

export function texts(field: string, values: readonly string[], max: number, atLeast = 1): string[] {
  if (values.length < atLeast) throw badInput(field, `Name at least ${atLeast} in ${field}`);
  if (values.length > 50) throw badInput(field, `${field} takes at most 50 entries`);
  return values.map((v, i) => text(`${field}[${i}]`, v, max));
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export function checkId(field: string, id: string): string {
  if (!ID_PATTERN.test(id)) throw badInput(field, `${field} must be 1-64 letters, digits, '.', '_' or '-'`);
  return id;
}

/** A contact's time: not in the future (a few minutes of clock skew aside), not before the case was opened. */
export function contactTime(field: string, at: Date, openedAt: Date): Date {
  if (at.getTime() > Date.now() + 5 * 60_000) throw badInput(field, `${field} is in the future: log a contact once it happened`);
  if (at.getTime() < openedAt.getTime() - 24 * 3_600_000) throw badInput(field, `${field} is before the case was opened`);
  return at;
}
