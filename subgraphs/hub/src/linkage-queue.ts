import { forbidden, badInput } from '@welfare-hub/subgraph-host';
import { addressWithheldIds } from '@welfare-hub/adapter-juki';
import type { Sector } from '@welfare-hub/policy';
import type { HubContext } from './hub-context.js';
import type { MutationResolvers, QueryResolvers } from './generated/resolvers.js';

/** Each linked source and the sector whose staff may work its queue. */
const SOURCE_SECTOR: Record<string, Sector> = {
  'shogai-techo': 'SHOGAI',
  'shogai-jukyusha': 'SHOGAI',
  'shogai-sodan': 'SHOGAI',
  konkyu: 'KONKYU',
  'kodomo-child': 'KODOMO',
  'kodomo-case': 'KODOMO',
  'kaigo-hihokensha': 'KAIGO',
  'kaigo-sodan': 'KAIGO',
};

/** Linking a record shows who it is about: only staff of the sector that holds the record may do it. */
async function requireSectorStaff(ctx: HubContext, sector: Sector): Promise<void> {
  if (ctx.policy.hasRole('analyst')) throw forbidden('Analysts see no person');
  const registration = await ctx.policy.registration();
  if (!registration?.sectors.includes(sector)) throw forbidden(`Only staff of an organisation holding ${sector} may work this queue`);
}

function sectorOf(source: string): Sector {
  const sector = SOURCE_SECTOR[source];
  if (!sector) throw badInput('source', 'Unknown source');
  return sector;
}

export const linkageQuery: QueryResolvers = {
  linkageQueue: async (_, args, ctx) => {
    await requireSectorStaff(ctx, args.sector);
    if (args.limit < 1 || args.limit > 500) throw badInput('limit', 'limit must be between 1 and 500');
    const sources = Object.entries(SOURCE_SECTOR).filter(([, s]) => s === args.sector).map(([source]) => source);
    const entries = await ctx.decisions.queue(sources, args.limit, Math.max(0, args.offset));
    // 支援措置: whether a sector record's address agrees with a protected resident's would tell where they live.
    const withheld = await addressWithheldIds(ctx.db, entries.flatMap((e) => e.candidates.map((c) => c.atenaNo)));
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
