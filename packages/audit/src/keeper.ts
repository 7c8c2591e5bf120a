import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditLog, type Integrity } from './audit-log.js';
import { signCheckpoint } from './checkpoint.js';
import type { AuditSigningKey } from './signing-key.js';

const DAY_MS = 86_400_000;

export interface AuditKeeperConfig {
  /** How often the chain's head is signed when it has moved (HUB_AUDIT_CHECKPOINT_SECONDS, 60 by default). */
  checkpointSeconds: number;
  /** How long entries are kept (HUB_AUDIT_RETENTION_YEARS, 7 by default: 番号法 keeps access records that long). */
  retentionYears: number;
}

/**
 * The signer's side of the audit log (X-Road keeps signer and log apart the same way): signs checkpoints on a
 * timer, removes entries past their retention once a day, and verifies the chain with its own key.
 */
export class AuditKeeper {
  private readonly log: AuditLog;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly key: AuditSigningKey,
    private readonly config: AuditKeeperConfig,
  ) {
    this.log = new AuditLog(db);
  }

  get retentionMs(): number {
    return this.config.retentionYears * 365.25 * DAY_MS;
  }

  checkpoint(now = new Date()): ReturnType<typeof signCheckpoint> {
    return signCheckpoint(this.db, this.key, now);
  }

  prune(now = new Date()): Promise<number> {
    return this.log.prune(new Date(now.getTime() - this.retentionMs));
  }

  verify(): Promise<Integrity> {
    const trustedKeys = new Map<string, KeyObject>([[this.key.keyId, this.key.publicKey]]);
    return this.log.verify({ trustedKeys, retentionMs: this.retentionMs });
  }

  start(onError: (what: 'checkpoint' | 'prune') => void): void {
    const every = (ms: number, what: 'checkpoint' | 'prune', work: () => Promise<unknown>): void => {
      const timer = setInterval(() => void work().catch(() => onError(what)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.config.checkpointSeconds * 1000, 'checkpoint', () => this.checkpoint());
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
