import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { preparedQuery, type Store } from '@welfare-hub/store';
import { MemoryReplayGuard, type ReplayGuard } from './replay-guard.js';

/**
 * How long an id is kept after its token's expiry: a replica whose clock runs behind still sees the token as
 * live for that long, and must still find its id.
 */
const KEEP_AFTER_EXPIRY_SECONDS = 60;
const SWEEP_EVERY_SECONDS = 15;

interface Claim {
  jti: string;
  expiresAtSeconds: number;
}

/**
 * The guard shared by every replica of every subgraph on one PostgreSQL server: an id is claimed by an
 * `INSERT … ON CONFLICT DO NOTHING RETURNING`, so of two replicas offered the same signature exactly one wins. The claims
 * a process makes in one turn of its event loop go in one statement (prepared once per connection), into an UNLOGGED
 * table (no WAL, no flush at commit; see the migration for what that trades): under load that is one round trip and one
 * commit for many subgraph calls, and one for a call alone.
 */
export class SharedReplayGuard implements ReplayGuard {
  private nextSweep = 0;
  private readonly claims: DataLoader<Claim, boolean>;

  constructor(private readonly db: DataSource) {
    this.claims = new DataLoader((batch) => this.claimAll(batch), {
      cache: false,
      maxBatchSize: 500,
      // Everything offered in this turn of the loop (several requests' calls), not only in this tick.
      batchScheduleFn: (flush) => setImmediate(flush),
    });
  }

  async firstUse(jti: string, expiresAtSeconds: number): Promise<boolean> {
    const now = Date.now() / 1000;
    if (now >= this.nextSweep) {
      // Every replica sweeps now and then, off the request's path; a failed sweep is retried at the next one.
      this.nextSweep = now + SWEEP_EVERY_SECONDS * (0.5 + Math.random());
      void this.sweep().catch(() => undefined);
    }
    return this.claims.load({ jti, expiresAtSeconds });
  }

  private async claimAll(batch: readonly Claim[]): Promise<boolean[]> {
    // Offered in one order by every replica (sorted, each id once): two replicas claiming overlapping batches then take
    // the ids' index entries in the same order, so one waits for the other instead of both deadlocking (seen in CI:
    // "deadlock detected" when one offered [6, 0] as the other offered [0, 6]).
    const offered = new Map<string, number>();
    for (const c of batch) if (!offered.has(c.jti)) offered.set(c.jti, c.expiresAtSeconds);
    const ids = [...offered.keys()].sort();
    const claimed = await preparedQuery<{ jti: string }>(
      this.db,
      'context_claim_signatures',
      `INSERT INTO context.used_signature (jti, expires_at)
       SELECT jti, to_timestamp(exp) FROM unnest($1::text[], $2::float8[]) WITH ORDINALITY AS offered (jti, exp, n)
       ORDER BY n
       ON CONFLICT (jti) DO NOTHING RETURNING jti`,
      [ids, ids.map((id) => offered.get(id)!)],
    );
    const won = new Set(claimed.map((row) => row.jti));
    // The same id twice in one batch (a replay within the same instant) is inserted once: only its first offer wins.
    return batch.map((c) => won.delete(c.jti));
  }

  /** Forgets the ids of signatures that no replica can accept any more. */
  async sweep(): Promise<void> {
    await this.db.query(`DELETE FROM context.used_signature WHERE expires_at < now() - make_interval(secs => $1)`, [KEEP_AFTER_EXPIRY_SECONDS]);
  }
}

/**
 * The guard a subgraph uses over the hub's store: on a server, which other processes and replicas share, the table;
 * on the embedded PGlite, which only this process can open, memory.
 */
export function replayGuardFor(store: Pick<Store, 'kind' | 'dataSource'>): ReplayGuard {
  return store.kind === 'server' ? new SharedReplayGuard(store.dataSource) : new MemoryReplayGuard();
}
