import { EventEmitter } from 'node:events';
import type { DataSource, EntityManager } from 'typeorm';
import type { IngestConfig } from './config.js';
import type { IngestLedger, NewRead, SourceName } from './ledger.js';
import type { OpenProblems } from './problems.js';

/** Below this many records a read is too small for a share of rejections to mean the export is broken. */
export const HOLD_MIN_RECORDS = 10;

export interface ReadCounts {
  /** Every record of the read, good or rejected. */
  read: number;
  rejected: number;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/**
 * Why a read must be held instead of applied, or null. A snapshot that replaces the last (`full`) is held when its good
 * records fall below a share of the last applied one's (HUB_SNAPSHOT_MIN_SHARE): a file of the right name with rows in
 * the wrong encoding must not empty a sector. Any read is held when more than a share of its records were rejected
 * (HUB_SNAPSHOT_MAX_REJECTED_SHARE), once it has enough records for a share to mean something.
 */
export function holdReason(
  counts: ReadCounts,
  lastGood: number | null,
  full: boolean,
  config: Pick<IngestConfig, 'minShareOfLast' | 'maxRejectedShare'>,
): string | null {
  const good = counts.read - counts.rejected;
  if (counts.read >= HOLD_MIN_RECORDS && counts.rejected > config.maxRejectedShare * counts.read) {
    return `held: ${counts.rejected} of ${counts.read} records rejected, more than ${percent(config.maxRejectedShare)} (HUB_SNAPSHOT_MAX_REJECTED_SHARE)`;
  }
  if (full && lastGood !== null && lastGood > 0 && good < config.minShareOfLast * lastGood) {
    return `held: ${good} good records, fewer than ${percent(config.minShareOfLast)} of the ${lastGood} of the last applied snapshot (HUB_SNAPSHOT_MIN_SHARE)`;
  }
  return null;
}

/** What a hold's problem says after its reason, so the operator knows what is in force and what to do. */
export const HOLD_SUFFIX = '; the previous snapshot stays in force until a corrected file arrives or an admin accepts this one (acceptHeldRead)';

/** Tells a source in this process at once that one of its held reads was accepted (other processes poll the ledger). */
export const acceptances = new EventEmitter();
acceptances.setMaxListeners(0);

export type AcceptOutcome = 'accepted' | 'not_held' | 'superseded';

/**
 * An admin's acceptance of a held read: the newest held read of that name is marked accepted, and the source that
 * holds it applies it at once when it lives in this process, else within seconds (it polls). A read a later
 * applied read of its kind has superseded is not accepted: applying it would put an older snapshot back.
 */
export async function acceptHeldRead(db: DataSource | EntityManager, source: SourceName, name: string, acceptedBy: string): Promise<AcceptOutcome> {
  const [held]: { id: string; superseded: boolean }[] = await db.query(
    `SELECT r.id::text, EXISTS (SELECT 1 FROM ingest.source_read a WHERE a.source = r.source AND a.kind = r.kind AND a.state = 'applied' AND a.id > r.id) AS superseded
     FROM ingest.source_read r WHERE r.source = $1 AND r.name = $2 AND r.state = 'held'
       AND NOT EXISTS (SELECT 1 FROM ingest.source_read n WHERE n.source = r.source AND n.name = r.name AND n.id > r.id AND n.state <> 'held')
     ORDER BY r.id DESC LIMIT 1`,
    [source, name],
  );
  if (!held) return 'not_held';
  if (held.superseded) return 'superseded';
  await db.query(`UPDATE ingest.source_read SET accepted_at = now(), accepted_by = $2 WHERE id = $1::bigint AND accepted_at IS NULL`, [
    held.id,
    acceptedBy,
  ]);
  acceptances.emit('accepted', source);
  return 'accepted';
}

/**
 * A source's holds: whether a read must be held, recording it held, and watching for an admin's acceptance. Shared by
 * every source; the adapter names the read's kind (what supersedes it) and whether it replaces a snapshot whole.
 */
export class Holds {
  private timer: NodeJS.Timeout | null = null;
  private listener: ((source: string) => void) | null = null;
  private lastPending = '';

  constructor(
    private readonly ledger: IngestLedger,
    private readonly problems: OpenProblems,
    private readonly config: Pick<IngestConfig, 'minShareOfLast' | 'maxRejectedShare'>,
  ) {}

  /**
   * Why this read must be held, or null to apply it. An accepted held read is applied as it is: a file by its name,
   * a read of a system (no file) by its kind (the next full read after the acceptance).
   */
  async reason(read: { name: string; kind: string; file: boolean }, counts: ReadCounts, full: boolean): Promise<string | null> {
    if (await this.accepted(read)) return null;
    return holdReason(counts, full ? await this.ledger.lastGood(read.kind) : null, full, this.config);
  }

  /** Whether an admin accepted a held read that covers this one and no later read has applied since. */
  async accepted(read: { name: string; kind: string; file: boolean }): Promise<boolean> {
    const pending = await this.ledger.pendingAcceptances();
    return pending.some((p) => (read.file ? p.name === read.name : p.kind === read.kind));
  }

  /** Records the read held (not applied) and keeps the source degraded under `slot` until a fix or an acceptance. */
  async hold(read: Omit<NewRead, 'state' | 'problem'> & { kind: string }, reason: string, slot: string): Promise<void> {
    const problem = `${reason}${HOLD_SUFFIX}`;
    this.problems.raise(slot, `${read.name}: ${problem}`, 'held');
    await this.ledger.recordRead({ ...read, state: 'held', problem });
  }

  /** Calls `onAccepted` when a held read of this source is accepted: at once in this process, else on the next poll. */
  watch(onAccepted: () => void, pollMs = ACCEPTANCE_POLL_MS): void {
    if (this.timer) return;
    this.listener = (source) => {
      if (source === this.ledger.source) onAccepted();
    };
    acceptances.on('accepted', this.listener);
    this.timer = setInterval(() => {
      // Nothing held here, nothing to accept: the poll costs no statement until a read is held.
      if (this.problems.count('held') === 0) return;
      this.ledger.pendingAcceptances().then(
        (pending) => {
          // Only a change starts a read: an acceptance whose file is gone must not start one every poll.
          const ids = pending.map((p) => p.id).join(',');
          if (ids !== this.lastPending && ids !== '') onAccepted();
          this.lastPending = ids;
        },
        () => undefined,
      );
    }, pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.listener) acceptances.off('accepted', this.listener);
    this.listener = null;
  }
}

/** How often a source in another process than the admin's request looks for an acceptance. */
export const ACCEPTANCE_POLL_MS = 2_000;

/** The most frequent rejection reason of a read, without the record's place, for a held read's report. */
export function commonestReason(rejections: readonly { reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const r of rejections) {
    const reason = r.reason.replace(/^(line|row) \d+: /u, '');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const [reason, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return count > 0 ? `; most were rejected for “${reason}” (${count})` : '';
}
