import { acceptHeldRead, IngestLedger, type SourceName } from '@welfare-hub/ingest';
import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { logEvent } from '@welfare-hub/telemetry';
import type { MutationResolvers, SourceName as GraphSourceName } from './generated/resolvers.js';

/** A read as the graph's SourceRead shows it. */
function shown(
  source: SourceName,
  read: {
    name: string;
    state: string;
    recordsRead: number;
    recordsRejected: number;
    problem: string | null;
    readAt: Date;
    kind: string | null;
    acceptedAt: Date | null;
    acceptedBy: string | null;
  },
) {
  return { ...read, source: source.toUpperCase() as GraphSourceName };
}

/**
 * acceptHeldRead (role admin): a read held because it would have shrunk its snapshot is applied as it is. The
 * acceptance is kept in the ingest ledger with the admin's staff id; the source applies the read at once when it
 * lives in this process, else within seconds. A read a later one has superseded cannot be accepted: it would put an
 * older snapshot back.
 */
export const heldReadMutation: MutationResolvers = {
  acceptHeldRead: async (_, args, ctx) => {
    if (!ctx.policy.hasRole('admin')) throw forbidden();
    const source = args.source.toLowerCase() as SourceName;
    if (args.name.length === 0 || args.name.length > 255) throw badInput('name', 'name must be the name of a held read (1-255 characters)');
    const outcome = await acceptHeldRead(ctx.db, source, args.name, ctx.policy.context.viewer.staffId);
    if (outcome === 'not_held') throw badInput('name', 'No read of that name is held for that source');
    if (outcome === 'superseded')
      throw badInput('name', 'A later read of the same kind has been applied since: this one would put an older snapshot back');
    logEvent('ingest.held_read_accepted', { source });
    const read = await new IngestLedger(ctx.db, source).lastReadNamed(args.name);
    return shown(source, read!);
  },
};
