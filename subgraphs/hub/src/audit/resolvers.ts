import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { BadExportedHead, NoSuchRecord, type AccessRecord, type IdentityAccessRecord } from '@welfare-hub/audit';
import type { HubContext } from '../hub-context.js';
import type { MutationResolvers, QueryResolvers, Resolvers } from '../generated/resolvers.js';

// The audit log for the privacy officer: who saw what (sector decisions and identity reads), the reads of residents
// under a 支援措置, what a person is shown on a 開示請求, 不開示, and the log's integrity against heads kept apart.

interface PeriodArgs {
  from?: Date | null;
  to?: Date | null;
}

interface PageArgs extends PeriodArgs {
  limit: number;
  offset: number;
}

function requirePrivacyOfficer(ctx: HubContext): void {
  if (!ctx.policy.hasRole('privacy_officer')) throw forbidden('Only a privacy officer (role privacy_officer) may read or restrict the audit log');
}

function clamp(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw badInput(field, `${field} must be between 0 and ${max}`);
  return value;
}

const period = (args: PeriodArgs) => ({ from: args.from ?? null, to: args.to ?? null });
const page = (args: PageArgs) => ({ limit: clamp('limit', args.limit, 1000), offset: clamp('offset', args.offset, 10_000_000) });

function reasonOf(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || trimmed.length > 500) throw badInput('reason', 'reason must be 1-500 characters');
  return trimmed;
}

async function restrict(kind: 'decision' | 'identity', args: { id: string; reason: string }, ctx: HubContext) {
  requirePrivacyOfficer(ctx);
  const reason = reasonOf(args.reason);
  const { viewer, requestId } = ctx.policy.context;
  try {
    return await ctx.records.restrict(kind, args.id, reason, { staffId: viewer.staffId, orgId: viewer.orgId, requestId });
  } catch (error) {
    if (error instanceof NoSuchRecord) {
      throw badInput('id', kind === 'decision' ? 'No access record has that id' : 'No identity access record has that id');
    }
    throw error;
  }
}

export const auditQuery: QueryResolvers = {
  accessLog: (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    return ctx.records.accessLog(args.personId, period(args), page(args));
  },
  identityLog: (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    return ctx.records.identityLog(args.personId, period(args), page(args));
  },
  protectedReads: (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    return ctx.records.protectedReads(period(args), page(args));
  },
  // What the person is shown: who saw what (restricted entries counted, not shown), and their consents with who
  // recorded each (the consent module's, for a 開示請求).
  disclosure: async (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    const [records, consents] = await Promise.all([ctx.records.disclosure(args.personId, period(args)), ctx.consents.forDisclosure(args.personId)]);
    return { ...records, consents };
  },
  auditIntegrity: async (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    if (args.against == null) return ctx.keeper.verify();
    try {
      return await ctx.keeper.verifyAgainst(args.against);
    } catch (error) {
      if (error instanceof BadExportedHead) throw badInput('against', 'Not a signed audit head of this hub (give the exported value of auditHead)');
      throw error;
    }
  },
  auditHead: async (_, __, ctx) => {
    requirePrivacyOfficer(ctx);
    const head = await ctx.keeper.exportHead();
    if (!head) return null;
    const { checkpoint, exported } = head;
    return { entries: Number(checkpoint.entryId), entryHash: checkpoint.entryHash, signedAt: checkpoint.signedAt, keyId: checkpoint.keyId, exported };
  },
};

export const auditMutation: MutationResolvers = {
  restrictAccessRecord: async (_, args, ctx) => (await restrict('decision', args, ctx)) as AccessRecord,
  restrictIdentityRecord: async (_, args, ctx) => (await restrict('identity', args, ctx)) as IdentityAccessRecord,
};

export const auditTypes: Resolvers = {
  AuditIntegrity: {
    witnessedEntries: (i) => (i.witnessedEntries === null ? null : Number(i.witnessedEntries)),
  },
};
