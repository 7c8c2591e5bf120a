import { DateScalar, DateTimeScalar, badInput, forbidden } from '@welfare-hub/subgraph-host';
import { isSector } from '@welfare-hub/policy';
import { listReads, sourceNames, type SourceName } from '@welfare-hub/ingest';
import { auditMutation, auditQuery, auditTypes } from './audit/resolvers.js';
import { linkageMutation, linkageQuery } from './linkage-queue.js';
import { heldReadMutation } from './held-reads.js';
import { rejectedRecords } from './rejected-records.js';
import { consentMutation, consentQuery, consentReference } from './consent/resolvers.js';
import { oversightQuery, registerChangeType } from './oversight/resolvers.js';
import { meetingMutation, meetingQuery, meetingType, supportMeeting } from './meeting/resolvers.js';
import { meetingFrontEndQuery } from './meeting/front-end.js';
import { requireSourceReader } from './sources/readers.js';
import { householdType } from './situations/resolvers.js';
import { analyticsQuery, indicatorTableType, statisticsTableType } from './analytics/resolvers.js';
import { registerAuditEntry, type RegisterActor } from './register/history.js';
import type { HubContext } from './hub-context.js';
import type { Resolvers, SourceName as GraphSourceName } from './generated/resolvers.js';

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

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  SupportMeeting: {
    ...meetingType,
    __resolveReference: (ref, ctx) => supportMeeting(ref.id, ctx),
  },
  Household: householdType,
  StatisticsTable: statisticsTableType,
  IndicatorTable: indicatorTableType,
  ...auditTypes,
  Consent: {
    __resolveReference: (ref, ctx) => consentReference(ref.id, ctx),
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
    me: async (_, __, ctx) => {
      const { viewer } = ctx.policy.context;
      const registration = await ctx.policy.registration();
      return { staffId: viewer.staffId, orgId: viewer.orgId, roles: viewer.roles, registered: registration !== null };
    },
    organisations: (_, __, ctx) => {
      requireAdmin(ctx);
      return ctx.register.organisations();
    },
    staff: (_, args, ctx) => {
      requireAdmin(ctx);
      return ctx.register.staff({ orgId: args.orgId ?? null });
    },
    sourceReads: async (_, args, ctx) => {
      await requireSourceReader(ctx, args.source);
      const reads = await listReads(ctx.db, toSourceName(args.source), clamp('limit', args.limit, 500));
      return reads.map((r) => ({ ...r, source: r.source.toUpperCase() as GraphSourceName }));
    },
    rejectedRecords: (_, args, ctx) => rejectedRecords({ ...args, source: toSourceName(args.source) }, ctx),
  },
  Mutation: {
    ...linkageMutation,
    ...heldReadMutation,
    ...consentMutation,
    ...meetingMutation,
    ...auditMutation,
    registerOrganisation: async (_, { input }, ctx) => {
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
    registerStaff: async (_, { input }, ctx) => {
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
    staff: async (viewer, _, ctx) => (viewer.registered ? ((await ctx.register.staff({ ids: [viewer.staffId] }))[0] ?? null) : null),
    organisation: async (viewer, _, ctx) => (viewer.registered ? ((await ctx.register.organisations([viewer.orgId]))[0] ?? null) : null),
  },
  Person: {
    // No lookup of the person: the answer is the same for an id that exists and one that does not.
    __resolveReference: (ref) => ({ id: ref.id }),
    access: (person, _, ctx) => ctx.policy.access(person.id),
  },
  Organisation: {
    // An organisation is not personal data: registered staff see the ones case work names (a referral's sender, a plan's roles).
    __resolveReference: async (ref, ctx) => {
      if (!ctx.policy.hasRole('admin') && (await ctx.policy.registration()) === null) throw forbidden();
      return (await ctx.register.organisations([ref.id]))[0] ?? null;
    },
  },
  Staff: {
    __resolveReference: async (ref, ctx) => {
      requireAdmin(ctx);
      return (await ctx.register.staff({ ids: [ref.id] }))[0] ?? null;
    },
    // Non-null in the SDL: a registered staff member's organisation is registered (register.ts keeps them together).
    organisation: async (staff, _, ctx) => (await ctx.register.organisations([staff.orgId]))[0]!,
  },
};
