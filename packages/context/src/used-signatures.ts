import type { DataSource } from 'typeorm';
import { preparedQuery, type Store } from '@welfare-hub/store';
import { MemoryReplayGuard, type ReplayGuard } from './replay-guard.js';

/**
 * How long an id is kept after its token's expiry: a replica whose clock runs behind still sees the token as
 * live for that long, and must still find its id.
 */
const KEEP_AFTER_EXPIRY_SECONDS = 60;
const SWEEP_EVERY_SECONDS = 15;

/**
 * The guard shared by every replica of every subgraph on one PostgreSQL server: an id is claimed by one
 * `INSERT … ON CONFLICT DO NOTHING`, so of two replicas offered the same signature exactly one wins. One round trip
 * per subgraph call, prepared once per connection, into an UNLOGGED table (no WAL, no fsync at commit; see the
 * migration for what that trades).
 */
export class SharedReplayGuard implements ReplayGuard {
  private nextSweep = 0;

  constructor(private readonly db: DataSource) {}

  async firstUse(jti: string, expiresAtSeconds: number): Promise<boolean> {
    const now = Date.now() / 1000;
    if (now >= this.nextSweep) {
      // Every replica sweeps now and then, off the request's path; a failed sweep is retried at the next one.
      this.nextSweep = now + SWEEP_EVERY_SECONDS * (0.5 + Math.random());
      void this.sweep().catch(() => undefined);
    }
    const claimed = await preparedQuery<{ claimed: number }>(
      this.db,
      'context_claim_signature',
      `INSERT INTO context.used_signature (jti, expires_at) VALUES ($1, to_timestamp($2))
       ON CONFLICT (jti) DO NOTHING RETURNING 1 AS claimed`,
      [jti, expiresAtSeconds],
    );
    return claimed.length === 1;
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
