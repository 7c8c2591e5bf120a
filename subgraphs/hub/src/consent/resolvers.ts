import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { isSector, type Registration } from '@welfare-hub/policy';
import { isValidCalendarDate, todayInTokyo } from '@welfare-hub/codec';
import type { HubContext } from '../hub-context.js';
import type { ConsentRecord } from './consents.js';
import { GUARDIAN_RELATIONSHIPS, isMinor, isRegistered, representative, residents, type Guardian } from './guardian.js';
import type { ConsentInput, MutationResolvers, QueryResolvers } from '../generated/resolvers.js';

async function requireRegistered(ctx: HubContext): Promise<Registration> {
  if (ctx.policy.hasRole('analyst')) throw forbidden('Analysts see no person');
  const registration = await ctx.policy.registration();
  if (!registration) throw forbidden('Only registered staff may do this');
  return registration;
}

/** Registered staff of an organisation inside welfare, or null for staff of one registered outsideWelfare. */
async function welfareStaff(ctx: HubContext): Promise<Registration | null> {
  const registration = await requireRegistered(ctx);
  const [org] = await ctx.register.organisations([registration.orgId]);
  return org && !org.outsideWelfare ? registration : null;
}

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) throw badInput(field, `${field.split('.').at(-1)} must be 1-${max} characters`);
  return trimmed;
}

/** The representative, checked against the registry where it can be; null when the person consented themselves. */
async function guardianOf(ctx: HubContext, input: ConsentInput): Promise<Guardian | null> {
  const named = input.guardian ?? null;
  const givenBy = input.givenBy ?? null;
  if (named && !GUARDIAN_RELATIONSHIPS.includes(named.relationship)) throw badInput('input.guardian.relationship', 'Unknown relationship');
  if (named?.personId && givenBy && named.personId !== givenBy) {
    throw badInput('input.guardian.personId', 'guardian.personId and givenBy name different persons');
  }
  const personId = named?.personId ?? givenBy;
  if (!named && !personId) return null;
  if (personId === input.personId)
    throw badInput(named?.personId ? 'input.guardian.personId' : 'input.givenBy', 'A representative is someone other than the person');
  if (personId && !(await isRegistered(ctx.db, personId)))
    throw badInput(named?.personId ? 'input.guardian.personId' : 'input.givenBy', 'No resident has that id');
  const found = await residents(ctx.db, personId ? [input.personId, personId] : [input.personId]);
  const resident = personId ? found.get(personId) : undefined;
  const name = named ? text('input.guardian.name', named.name, 200) : (resident?.name ?? personId!);
  return representative(found.get(input.personId), { name, relationship: named?.relationship ?? null, personId, resident });
}

/** The organisations party to a consent: the one that recorded it and those it names. */
const party = (c: ConsentRecord, orgId: string): boolean => c.recordedOrg === orgId || c.recipientOrgs.includes(orgId);

/**
 * A person's consents are read only by the organisations party to them, coordinators and privacy officers: that
 * someone consented to be seen by the 困窮 desk says something about them. Others (staff outside welfare
 * included) get the same empty answer whether or not consents exist.
 */
async function readable(ctx: HubContext, consents: ConsentRecord[]): Promise<ConsentRecord[]> {
  if (ctx.policy.hasRole('privacy_officer') && !ctx.policy.hasRole('analyst')) return consents;
  const staff = await welfareStaff(ctx);
  if (!staff) return [];
  return ctx.policy.hasRole('coordinator') ? consents : consents.filter((c) => party(c, staff.orgId));
}

export const consentQuery: QueryResolvers = {
  consents: async (_, { personId }, ctx) => readable(ctx, await ctx.consents.forPerson(personId)),
};

/** Consent.__resolveReference: the same rule for one consent. */
export async function consentReference(id: string, ctx: HubContext): Promise<ConsentRecord | null> {
  const consent = await ctx.consents.byId(id);
  return consent ? ((await readable(ctx, [consent]))[0] ?? null) : null;
}

export const consentMutation: MutationResolvers = {
  recordConsent: async (_, { input }, ctx) => {
    // 民生委員, a utility: they pass on what they notice, and cannot grant anyone (themselves included) a sight of a person.
    const registration = await welfareStaff(ctx);
    if (!registration) throw forbidden('Staff of an organisation outside welfare may not record a consent');
    if (!(await isRegistered(ctx.db, input.personId))) throw badInput('input.personId', 'No resident has that id');
    const guardian = await guardianOf(ctx, input);
    if (!guardian && (await isMinor(ctx.db, input.personId, todayInTokyo(), ctx.consentOwnAge))) {
      throw badInput(
        'input.givenBy',
        `For a person under ${ctx.consentOwnAge} the representative who gives the consent must be named (givenBy or guardian)`,
      );
    }
    const sectors = [...new Set(input.sectors)].filter(isSector);
    if (sectors.length === 0) throw badInput('input.sectors', 'Name at least one sector');
    const orgs = [...new Set(input.recipientOrgs)];
    if (orgs.length === 0) throw badInput('input.recipientOrgs', 'Name at least one organisation');
    if ((await ctx.register.organisations(orgs)).length !== orgs.length)
      throw badInput('input.recipientOrgs', 'Every organisation must be registered');
    const purpose = text('input.purpose', input.purpose, 500);
    for (const field of ['validFrom', 'validUntil'] as const) {
      const [y, m, d] = input[field].split('-').map(Number) as [number, number, number];
      if (!isValidCalendarDate(y, m, d)) throw badInput(`input.${field}`, `${field} is not a date`);
    }
    if (input.validFrom > input.validUntil) throw badInput('input.validUntil', 'validUntil is before validFrom');
    const evidence = input.evidence == null || input.evidence.trim() === '' ? null : text('input.evidence', input.evidence, 500);
    return ctx.consents.record({
      personId: input.personId,
      sectors,
      recipientOrgs: orgs,
      purpose,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      method: input.method,
      givenBy: guardian?.personId ?? null,
      guardian,
      evidence,
      recordedBy: registration.staffId,
      recordedOrg: registration.orgId,
    });
  },
  revokeConsent: async (_, { id, reason }, ctx) => {
    const registration = await requireRegistered(ctx);
    const consent = await ctx.consents.byId(id);
    if (!consent) throw badInput('id', 'No consent has that id');
    if (consent.recordedOrg !== registration.orgId && !ctx.policy.hasRole('coordinator')) {
      throw forbidden('Only the recording organisation or a coordinator may revoke a consent');
    }
    if (reason.trim() === '') throw badInput('reason', 'Give the reason');
    return (await ctx.consents.revoke(id, registration.staffId, reason.trim()))!;
  },
};
