import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { isSector } from '@welfare-hub/policy';
import { isValidCalendarDate, todayInTokyo } from '@welfare-hub/codec';
import type { HubContext } from '../resolvers.js';
import type { ConsentRecord } from './consents.js';

interface ConsentInput {
  personId: string;
  sectors: string[];
  recipientOrgs: string[];
  purpose: string;
  validFrom: string;
  validUntil: string;
  method: 'WRITTEN' | 'ORAL';
  givenBy?: string | null;
  evidence?: string | null;
}

async function requireRegistered(ctx: HubContext) {
  if (ctx.policy.hasRole('analyst')) throw forbidden('Analysts see no person');
  const registration = await ctx.policy.registration();
  if (!registration) throw forbidden('Only registered staff may do this');
  return registration;
}

const exists = async (ctx: HubContext, atenaNo: string): Promise<boolean> =>
  (await ctx.db.query(`SELECT 1 FROM juki.person WHERE atena_no = $1`, [atenaNo])).length > 0;

/**
 * Below this age a consent is given by a guardian (givenBy). 15 is the age from which Japanese practice treats
 * a child's own will as decisive in comparable matters (養子縁組の同意, 遺言能力); a municipality may set another.
 */
const OWN_CONSENT_AGE = Number(process.env['HUB_CONSENT_OWN_AGE'] || 15);

async function isMinor(ctx: HubContext, atenaNo: string, today: string): Promise<boolean> {
  const [row] = await ctx.db.query(
    `SELECT date_part('year', age($2::date, birth_date)) < $3 AS minor FROM juki.person WHERE atena_no = $1`,
    [atenaNo, today, OWN_CONSENT_AGE],
  );
  return row?.minor === true;
}

export const consentQuery = {
  consents: async (_: unknown, { personId }: { personId: string }, ctx: HubContext): Promise<ConsentRecord[]> => {
    await requireRegistered(ctx);
    return ctx.consents.forPerson(personId);
  },
};

export const consentMutation = {
  recordConsent: async (_: unknown, { input }: { input: ConsentInput }, ctx: HubContext): Promise<ConsentRecord> => {
    const registration = await requireRegistered(ctx);
    if (!(await exists(ctx, input.personId))) throw badInput('input.personId', 'No resident has that id');
    if (input.givenBy && !(await exists(ctx, input.givenBy))) throw badInput('input.givenBy', 'No resident has that id');
    if (!input.givenBy && (await isMinor(ctx, input.personId, todayInTokyo()))) {
      throw badInput('input.givenBy', `For a person under ${OWN_CONSENT_AGE} the guardian who gives the consent must be named`);
    }
    const sectors = [...new Set(input.sectors)].filter(isSector);
    if (sectors.length === 0) throw badInput('input.sectors', 'Name at least one sector');
    const orgs = [...new Set(input.recipientOrgs)];
    if (orgs.length === 0) throw badInput('input.recipientOrgs', 'Name at least one organisation');
    if ((await ctx.register.organisations(orgs)).length !== orgs.length) throw badInput('input.recipientOrgs', 'Every organisation must be registered');
    const purpose = input.purpose.trim();
    if (purpose === '' || purpose.length > 500) throw badInput('input.purpose', 'purpose must be 1-500 characters');
    for (const field of ['validFrom', 'validUntil'] as const) {
      const [y, m, d] = input[field].split('-').map(Number) as [number, number, number];
      if (!isValidCalendarDate(y, m, d)) throw badInput(`input.${field}`, `${field} is not a date`);
    }
    if (input.validFrom > input.validUntil) throw badInput('input.validUntil', 'validUntil is before validFrom');
    return ctx.consents.record({
      personId: input.personId, sectors, recipientOrgs: orgs, purpose, validFrom: input.validFrom, validUntil: input.validUntil,
      method: input.method, givenBy: input.givenBy ?? null, evidence: input.evidence?.trim() || null,
      recordedBy: registration.staffId, recordedOrg: registration.orgId,
    });
  },
  revokeConsent: async (_: unknown, { id, reason }: { id: string; reason: string }, ctx: HubContext): Promise<ConsentRecord> => {
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
