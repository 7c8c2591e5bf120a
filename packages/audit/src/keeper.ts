import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditLog } from './audit-log.js';
import {
  CHECKPOINT_COLUMNS,
  NO_DIGEST,
  checkpointDigest,
  checkpointFromRow,
  checkpointSignatureFits,
  exportCheckpoint,
  importCheckpoint,
  signHead,
  type Checkpoint,
} from './checkpoint.js';
import { entryStillHolds, headExtends, readHead } from './consistency.js';
import type { AuditSigningKey } from './signing-key.js';
import type { Integrity, KnownHead } from './verify.js';
import { FileWitness, type ObservedHead, type Witness } from './witness.js';

const DAY_MS = 86_400_000;

export interface AuditKeeperConfig {
  /** How often the chain's head is signed when it has moved (HUB_AUDIT_CHECKPOINT_SECONDS, 60 by default). */
  checkpointSeconds: number;
  /** How long entries are kept (HUB_AUDIT_RETENTION_YEARS, 7 by default: 番号法 keeps access records that long). */
  retentionYears: number;
  /**
   * How often the keeper reads the chain's head and, when it moved, notes it in the witness (HUB_AUDIT_OBSERVE_SECONDS,
   * 5 by default): the longest time a tail cut with the head moved back can go unnoticed.
   */
  observeSeconds: number;
  /** The witness: an append-only file out of the database owner's reach (HUB_AUDIT_WITNESS_PATH); null for none. */
  witnessFile: string | null;
}

/** The keeper would not sign: the chain in the database no longer extends the head it signed last (or saw). */
export class AuditHeadRefused extends Error {
  constructor(readonly entryId: string) {
    super('audit head does not extend the last signed head');
  }
}

/** An exported head that is not one, or not signed by a trusted key. */
export class BadExportedHead extends Error {
  constructor() {
    super('not a signed audit head of this hub');
  }
}

/**
 * The signer's side of the audit log (X-Road keeps signer and log apart the same way): signs checkpoints on a timer,
 * but only a head that extends the last one it signed (a transparency log's consistency check: the new chain holds the
 * old one as a prefix), notes every head it signs or sees in the witness, removes entries past their retention once a
 * day, and verifies the chain with its key against the heads it knows from outside the database.
 */
export class AuditKeeper {
  private readonly log: AuditLog;
  private readonly witness: Witness | null;
  private timers: NodeJS.Timeout[] = [];
  private lastSigned: Checkpoint | null = null;
  private lastObserved: ObservedHead | null = null;
  private loaded: Promise<void> | null = null;
  /** Set once the keeper refused a head: it signs nothing more until a person has looked (and restarted it). */
  private refused: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly key: AuditSigningKey,
    private readonly config: AuditKeeperConfig,
    witness?: Witness | null,
  ) {
    this.log = new AuditLog(db);
    this.witness = witness !== undefined ? witness : config.witnessFile ? new FileWitness(config.witnessFile) : null;
  }

  get retentionMs(): number {
    return this.config.retentionYears * 365.25 * DAY_MS;
  }

  private get trustedKeys(): ReadonlyMap<string, KeyObject> {
    return new Map([[this.key.keyId, this.key.publicKey]]);
  }

  /** One at a time: signing and observing both read and move what the keeper knows. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * What the keeper knows from before this process: the witness's latest heads, and any checkpoint the table holds
   * beyond the witness that chains on from it (written just before a crash). Without a witness, or with an empty one,
   * the newest checkpoint in the table that this key signed: then a rollback made while the keeper was down goes unseen.
   */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const state = this.witness ? await this.witness.latest() : { signed: null, observed: null };
      this.lastObserved = state.observed;
      let signed = state.signed && checkpointSignatureFits(state.signed, this.trustedKeys) ? state.signed : null;
      if (signed) {
        const later: Record<string, unknown>[] = await this.db.query(
          `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint WHERE entry_id > $1 ORDER BY entry_id LIMIT 100`,
          [signed.entryId],
        );
        for (const c of later.map(checkpointFromRow)) {
          if (c.version !== 2 || c.prevDigest !== checkpointDigest(signed) || !checkpointSignatureFits(c, this.trustedKeys)) break;
          signed = c;
        }
      } else if (!state.signed) {
        const [row] = await this.db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint ORDER BY entry_id DESC LIMIT 1`);
        const newest = row ? checkpointFromRow(row) : null;
        signed = newest && checkpointSignatureFits(newest, this.trustedKeys) ? newest : null;
      }
      this.lastSigned = signed;
    })();
    this.loaded.catch(() => {
      this.loaded = null;
    });
    return this.loaded;
  }

  /**
   * Signs the chain's head when it has moved, after checking that it extends the last head signed (and the last
   * seen); otherwise refuses with AuditHeadRefused and signs nothing more. The table first, then the witness.
   */
  checkpoint(now = new Date()): Promise<Checkpoint | null> {
    return this.serial(async () => {
      await this.load();
      if (this.refused) throw new AuditHeadRefused(this.refused);
      const head = await readHead(this.db);
      if (head.entryId === '0') return null;
      const last = this.lastSigned;
      if (last && last.entryId === head.entryId && last.entryHash === head.entryHash) return null;
      const known = [last, this.lastObserved].filter((k): k is Checkpoint | ObservedHead => k !== null);
      if (known.length > 0 && !(await headExtends(this.db, known, head))) {
        this.refused = last?.entryId ?? head.entryId;
        throw new AuditHeadRefused(this.refused);
      }
      let prevDigest = last ? checkpointDigest(last) : NO_DIGEST;
      if (!last) {
        const [row] = await this.db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint ORDER BY entry_id DESC LIMIT 1`);
        if (row) prevDigest = checkpointDigest(checkpointFromRow(row));
      }
      const checkpoint = signHead(head, prevDigest, this.key, now);
      await this.db.query(
        `INSERT INTO audit.checkpoint (version, entry_id, entry_hash, entries, prev_digest, signed_at, key_id, signature)
         SELECT 2, $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM audit.checkpoint WHERE entry_id = $1)`,
        [
          checkpoint.entryId,
          checkpoint.entryHash,
          checkpoint.entries,
          checkpoint.prevDigest,
          checkpoint.signedAt,
          checkpoint.keyId,
          checkpoint.signature,
        ],
      );
      this.lastSigned = checkpoint;
      await this.witness?.noteSigned(checkpoint);
      return checkpoint;
    });
  }

  /**
   * Reads the chain's head and, when it moved forward, remembers it and notes it in the witness. A head that moved
   * back (a tail cut) is not taken: the one seen before stays, for verify and the next checkpoint to hold the chain to.
   */
  observe(now = new Date()): Promise<ObservedHead | null> {
    return this.serial(async () => {
      await this.load();
      const head = await readHead(this.db);
      const seen = this.lastObserved;
      if (head.entryId === '0' || (seen && BigInt(head.entryId) <= BigInt(seen.entryId))) return null;
      // A head further on must still hold the one seen before; one that does not (cut, then appended to) is not taken.
      if (seen && !(await entryStillHolds(this.db, seen))) return null;
      this.lastObserved = { ...head, at: now };
      await this.witness?.noteObserved(this.lastObserved);
      return this.lastObserved;
    });
  }

  prune(now = new Date()): Promise<number> {
    return this.log.prune(new Date(now.getTime() - this.retentionMs));
  }

  /** The chain checked with the keeper's key against every head it knows from outside the database, and `extra`. */
  async verify(extra: readonly KnownHead[] = []): Promise<Integrity> {
    await this.load();
    const state = this.witness ? await this.witness.latest() : { signed: null, observed: null };
    const witnessFits = !state.signed || checkpointSignatureFits(state.signed, this.trustedKeys);
    const knownHeads: KnownHead[] = [
      ...[this.lastSigned, witnessFits ? state.signed : null]
        .filter((c): c is Checkpoint => c !== null)
        .map((c) => ({ entryId: c.entryId, entryHash: c.entryHash, checkpoint: c })),
      ...[this.lastObserved, state.observed]
        .filter((o): o is ObservedHead => o !== null)
        .map((o) => ({ entryId: o.entryId, entryHash: o.entryHash, checkpoint: null })),
      ...extra,
    ];
    const integrity = await this.log.verify({ trustedKeys: this.trustedKeys, retentionMs: this.retentionMs, knownHeads });
    return witnessFits || !integrity.ok ? integrity : { ...integrity, ok: false, problem: 'WITNESS_INVALID' };
  }

  /** The latest head this keeper signed, to be kept apart by a privacy officer and checked against later. */
  async exportHead(): Promise<{ checkpoint: Checkpoint; exported: string } | null> {
    await this.load();
    return this.lastSigned ? { checkpoint: this.lastSigned, exported: exportCheckpoint(this.lastSigned) } : null;
  }

  /** Verifies the chain as verify() does, also against a head exported earlier: it must be this hub's, and still held. */
  async verifyAgainst(exported: string): Promise<Integrity> {
    const checkpoint = importCheckpoint(exported);
    if (!checkpoint || !checkpointSignatureFits(checkpoint, this.trustedKeys)) throw new BadExportedHead();
    return this.verify([{ entryId: checkpoint.entryId, entryHash: checkpoint.entryHash, checkpoint }]);
  }

  start(onError: (what: 'checkpoint' | 'prune' | 'observe' | 'refused') => void): void {
    const every = (ms: number, what: 'checkpoint' | 'prune' | 'observe', work: () => Promise<unknown>): void => {
      const timer = setInterval(() => void work().catch((error) => onError(error instanceof AuditHeadRefused ? 'refused' : what)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.config.checkpointSeconds * 1000, 'checkpoint', () => this.checkpoint());
    every(this.config.observeSeconds * 1000, 'observe', () => this.observe());
    every(DAY_MS, 'prune', () => this.prune());
    void this.prune().catch(() => onError('prune'));
  }

  /** Stops the timers and signs the head once more, so a clean stop leaves every entry under a checkpoint. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.checkpoint().catch(() => undefined);
  }
}
