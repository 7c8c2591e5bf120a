import { forbidden, badInput } from '@welfare-hub/subgraph-host';
import { addressWithheldIds } from '@welfare-hub/adapter-juki';
import type { Sector } from '@welfare-hub/policy';
import { sectorByCode, sectorByLinkageSource } from '@welfare-hub/sectors';
import type { HubContext } from './hub-context.js';
import type { MutationResolvers, QueryResolvers } from './generated/resolvers.js';

/** Linking a record shows who it is about: only staff of the sector that holds the record may do it. */
async function requireSectorStaff(ctx: HubContext, sector: Sector): Promise<void> {
  if (ctx.policy.hasRole('analyst')) throw forbidden('Analysts see no person');
  const registration = await ctx.policy.registration();
  if (!registration?.sectors.includes(sector)) throw forbidden(`Only staff of an organisation holding ${sector} may work this queue`);
}

function sectorOf(source: string): Sector {
  // Each linked source belongs to the sector whose staff may work its queue (the registry's linkageSources).
  const sector = sectorByLinkageSource(source)?.code;
  if (!sector) throw badInput('source', 'Unknown source');
  return sector as Sector;
}

export const linkageQuery: QueryResolvers = {
  linkageQueue: async (_, args, ctx) => {
    await requireSectorStaff(ctx, args.sector);
    if (args.limit < 1 || args.limit > 500) throw badInput('limit', 'limit must be between 1 and 500');
    const sources = [...(sectorByCode(args.sector)?.linkageSources ?? [])];
    const entries = await ctx.decisions.queue(sources, args.limit, Math.max(0, args.offset));
    // 支援措置: whether a sector record's address agrees with a protected resident's would tell where they live.
    const withheld = await addressWithheldIds(
      ctx.db,
      entries.flatMap((e) => e.candidates.map((c) => c.atenaNo)),
    );
    const shown = (atenaNo: string, field: string): boolean => field !== 'address' || !withheld.has(atenaNo);
    return entries.map((e) => ({
      source: e.source,
      sourceKey: e.sourceKey,
      state: e.state.toUpperCase(),
      candidates: e.candidates.map((c) => ({
        personId: c.atenaNo,
        score: c.score,
        agreed: Object.keys(c.agreements).filter((k) => c.agreements[k] && shown(c.atenaNo, k)),
        disagreed: Object.keys(c.agreements).filter((k) => !c.agreements[k] && shown(c.atenaNo, k)),
      })),
    }));
  },
};

export const linkageMutation: MutationResolvers = {
  confirmLink: async (_, args, ctx) => {
    await requireSectorStaff(ctx, sectorOf(args.source));
    await ctx.decisions.confirm(args.source, args.sourceKey, args.personId, ctx.policy.context.viewer.staffId);
    return true;
  },
  rejectLink: async (_, args, ctx) => {
    await requireSectorStaff(ctx, sectorOf(args.source));
    await ctx.decisions.reject(args.source, args.sourceKey, args.personId, ctx.policy.context.viewer.staffId);
    return true;
  },
};
