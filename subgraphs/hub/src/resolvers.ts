import type { GraphQLResolverMap } from '@apollo/subgraph';
import { DateScalar, DateTimeScalar, badInput, forbidden } from '@welfare-hub/subgraph-host';
import { isSector } from '@welfare-hub/policy';
import { listReads, sourceNames, type SourceName } from '@welfare-hub/ingest';
import { auditMutation, auditQuery, auditTypes } from './audit/resolvers.js';
import { linkageMutation, linkageQuery } from './linkage-queue.js';
import { heldReadMutation } from './held-reads.js';
import { rejectedRecords } from './rejected-records.js';
import { consentMutation, consentQuery, consentReference } from './consent/resolvers.js';
import { oversightQuery, registerChangeType } from './oversight/resolvers.js';
import { meetingMutation, meetingQuery, meetingType } from './meeting/resolvers.js';
import { meetingFrontEndQuery } from './meeting/front-end.js';
import { requireSourceReader } from './sources/readers.js';
import { householdType } from './situations/resolvers.js';
import { analyticsQuery, indicatorTableType, statisticsTableType } from './analytics/resolvers.js';
import type { Organisation, Staff } from './register/register.js';
import { registerAuditEntry, type RegisterActor } from './register/history.js';
import type { HubContext } from './hub-context.js';

interface OrganisationInput { id: string; name: string; sectors: string[]; outsideWelfare?: boolean | null; contact?: string | null }
interface StaffInput { id: string; orgId: string; name: string }

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function requireAdmin(ctx: HubContext): void {
  if (!ctx.policy.hasRole('admin')) throw forbidden();
}

/** The admin as the token names them: the role alone authorises, so whether they are registered is kept beside. */
async function registerActor(ctx: HubContext): Promise<RegisterActor> {
  const { viewer, requestId } = ctx.policy.context;
  return { staffId: viewer.staffId, orgId: viewer.orgId, registered: (await ctx.policy.registration()) !== null, requestId };
}

function checkId(field: string, id: string): void {
  if (!ID_PATTERN.test(id)) throw badInput(field, `${field} must be 1-64 letters, digits, '.', '_' or '-'`);
}

function checkName(field: string, name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) throw badInput(field, `${field} must be 1-200 characters`);
  return trimmed;
}

function toSourceName(value: string | null | undefined): SourceName | undefined {
  if (value == null) return undefined;
  const lower = value.toLowerCase();
  return sourceNames().includes(lower) ? lower : undefined;
}

function clamp(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw badInput(field, `${field} must be between 0 and ${max}`);
  return value;
}

export const resolvers: GraphQLResolverMap<HubContext> = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  SupportMeeting: {
    ...meetingType,
    __resolveReference: (ref: { id: string }, ctx: HubContext) => meetingQuery.supportMeeting(undefined, ref, ctx),
  },
  Household: householdType,
  StatisticsTable: statisticsTableType,
  IndicatorTable: indicatorTableType,
  ...auditTypes,
  Consent: {
    __resolveReference: (ref: { id: string }, ctx: HubContext) => consentReference(ref.id, ctx),
  },
  RegisterChange: registerChangeType,
  Query: {
    ...linkageQuery,
    ...consentQuery,
    ...meetingQuery,
    ...meetingFrontEndQuery,
    ...analyticsQuery,
    ...oversightQuery,
    ...auditQuery,
    me: async (_: unknown, __: unknown, ctx: HubContext) => {
      const { viewer } = ctx.policy.context;
      const registration = await ctx.policy.registration();
      return { staffId: viewer.staffId, orgId: viewer.orgId, roles: viewer.roles, registered: registration !== null };
    },
    organisations: (_: unknown, __: unknown, ctx: HubContext) => {
      requireAdmin(ctx);
      return ctx.register.organisations();
    },
    staff: (_: unknown, args: { orgId?: string | null }, ctx: HubContext) => {
      requireAdmin(ctx);
      return ctx.register.staff({ orgId: args.orgId ?? null });
    },
    sourceReads: async (_: unknown, args: { source?: string | null; limit: number }, ctx: HubContext) => {
      await requireSourceReader(ctx, args.source);
      const reads = await listReads(ctx.db, toSourceName(args.source), clamp('limit', args.limit, 500));
      return reads.map((r) => ({ ...r, source: r.source.toUpperCase() }));
    },
    rejectedRecords: (_: unknown, args: { source?: string | null; includeResolved: boolean; limit: number; offset: number }, ctx: HubContext) =>
      rejectedRecords({ ...args, source: toSourceName(args.source) }, ctx),
  },
  Mutation: {
    ...linkageMutation,
    ...heldReadMutation,
    ...consentMutation,
    ...meetingMutation,
    ...auditMutation,
    registerOrganisation: async (_: unknown, { input }: { input: OrganisationInput }, ctx: HubContext) => {
      requireAdmin(ctx);
      checkId('input.id', input.id);
      const org = {
        id: input.id,
        name: checkName('input.name', input.name),
        sectors: [...new Set(input.sectors.filter(isSector))].sort(),
        outsideWelfare: input.outsideWelfare ?? false,
        contact: input.contact == null ? null : checkName('input.contact', input.contact),
      };
      // Audited before it is made (fail closed), kept as history when made: register/history.ts.
      const actor = await registerActor(ctx);
      await ctx.audit.append([registerAuditEntry(actor, 'ORGANISATION', org.id, org)]);
      return ctx.register.upsertOrganisation(org, actor);
    },
    registerStaff: async (_: unknown, { input }: { input: StaffInput }, ctx: HubContext) => {
      requireAdmin(ctx);
      checkId('input.id', input.id);
      const [org] = await ctx.register.organisations([input.orgId]);
      if (!org) throw badInput('input.orgId', 'No organisation is registered with that id');
      const staff = { id: input.id, orgId: input.orgId, name: checkName('input.name', input.name) };
      const actor = await registerActor(ctx);
      await ctx.audit.append([registerAuditEntry(actor, 'STAFF', staff.id, staff)]);
      return ctx.register.upsertStaff(staff, actor);
    },
  },
  Viewer: {
    staff: async (viewer: { staffId: string; registered: boolean }, _: unknown, ctx: HubContext) =>
      viewer.registered ? ((await ctx.register.staff({ ids: [viewer.staffId] }))[0] ?? null) : null,
    organisation: async (viewer: { orgId: string; registered: boolean }, _: unknown, ctx: HubContext) =>
      viewer.registered ? ((await ctx.register.organisations([viewer.orgId]))[0] ?? null) : null,
  },
  Person: {
    // No lookup of the person: the answer is the same for an id that exists and one that does not.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    access: (person: { id: string }, _: unknown, ctx: HubContext) => ctx.policy.access(person.id),
  },
  Organisation: {
    // An organisation is not personal data: registered staff see the ones case work names (a referral's sender, a plan's roles).
    __resolveReference: async (ref: { id: string }, ctx: HubContext) => {
      if (!ctx.policy.hasRole('admin') && (await ctx.policy.registration()) === null) throw forbidden();
      return (await ctx.register.organisations([ref.id]))[0] ?? null;
    },
  },
  Staff: {
    __resolveReference: async (ref: { id: string }, ctx: HubContext) => {
      requireAdmin(ctx);
      return (await ctx.register.staff({ ids: [ref.id] }))[0] ?? null;
    },
    organisation: async (staff: Staff, _: unknown, ctx: HubContext): Promise<Organisation | null> =>
      (await ctx.register.organisations([staff.orgId]))[0] ?? null,
  },
};
