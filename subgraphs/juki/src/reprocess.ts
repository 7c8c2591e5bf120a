import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import type { MutationResolvers } from './generated/resolvers.js';

/** IT officers (issue 17): the registry's rejected records parsed again after a fix, those that now pass taken in. */
export const reprocessMutation: MutationResolvers = {
  reprocessRejected: async (_, { source }, ctx) => {
    if (!ctx.policy.hasRole('admin')) throw forbidden();
    if (source !== 'JUKI')
      throw badInput('source', 'Only JUKI records can be re-processed yet; the other sources take a record again on their next read');
    const { resolved, stillRejected } = await ctx.ingest.reprocessRejected();
    return { source, resolved, stillRejected };
  },
};
