import type { IngestLedger, StoredRead } from './ledger.js';
import { listDropFolder, type DropFile, type DropFileSpec } from './drop-folder.js';
import type { OpenProblems, ProblemKind } from './problems.js';

/**
 * What a source does with a file it lists: read it (new), apply a held one an admin accepted (accepted), or pass it:
 * applied before (applied), or read before with a problem that stays open (open).
 */
export type Seen = 'new' | 'accepted' | 'applied' | 'open';

const PROBLEM_OF: Partial<Record<StoredRead['state'], ProblemKind>> = {
  truncated: 'truncated',
  held: 'held',
  rejected: 'rejected',
  failed: 'failed',
};

/**
 * A folder source's discipline, shared by every one of them (juki, shogai, konkyu, and the 支援措置 list): only
 * regular files are read; every other entry named like an export, and every name almost the spec's, is reported once
 * as a rejected drop and keeps the source degraded while it is there; a file read before is passed, its problem (cut
 * short, held, rejected) still open until a later file of its kind is applied.
 */
export class DropDiscipline {
  constructor(
    private readonly ledger: IngestLedger,
    private readonly problems: OpenProblems,
  ) {}

  /**
   * The folder's readable files of this spec; the rest reported. A folder's problems are worked out afresh at every
   * scan from what is in it and what the ledger says of it: all but the source's own (`read`, `stuck`) are cleared
   * here, and raised again by the entries still there (below, and `seen` for each file).
   */
  async list<P>(dir: string, spec: DropFileSpec<P>): Promise<DropFile<P>[]> {
    const { files, refused } = await listDropFolder(dir, spec);
    this.problems.clearAllBut('', new Set(['read', 'stuck']));
    for (const drop of refused) {
      this.problems.raise(`drop:${drop.name}`, drop.reason, 'rejected');
      const last = await this.ledger.lastReadNamed(drop.name);
      // Once: the same entry refused for the same reason is not written again at every folder event or restart.
      if (last?.state === 'rejected' && last.problem === drop.reason) continue;
      await this.ledger.recordRead({
        name: drop.name,
        sha256: null,
        state: 'rejected',
        recordsRead: 0,
        recordsRejected: 0,
        problem: drop.reason,
        kind: 'drop',
      });
    }
    return files;
  }

  /**
   * Whether a file with this content was read before, and what to do now. A problem it had is raised again under
   * `slot` (after a restart, or at every scan until a later file fixes it); an applied one clears `slot`.
   */
  async seen(name: string, sha256: string, slot: string): Promise<Seen> {
    const found = await this.ledger.findRead(name, sha256);
    if (!found) return 'new';
    if (found.state === 'applied') {
      this.problems.clear(slot);
      return 'applied';
    }
    if (found.state === 'held' && found.acceptedAt !== null) {
      const pending = await this.ledger.pendingAcceptances();
      if (pending.some((p) => p.id === found.id)) return 'accepted';
      return 'open'; // superseded: a later file of its kind is in force and clears the slot when it is listed
    }
    const kind = PROBLEM_OF[found.state];
    if (kind) this.problems.raise(slot, `${name}: ${found.problem ?? found.state}`, kind);
    return 'open';
  }

  /**
   * A file refused whole (unreadable, past a bound as a whole): recorded with its content hash so it is reported once,
   * and the source degraded under `slot` until a later file of its kind is applied.
   */
  async reject(name: string, sha256: string | null, slot: string, kind: string, reason: string): Promise<void> {
    this.problems.raise(slot, `${name}: ${reason}`, 'rejected');
    const last = await this.ledger.lastReadNamed(name);
    if (last?.state === 'rejected' && last.problem === reason && last.sha256 === sha256) return;
    await this.ledger.recordRead({ name, sha256, state: 'rejected', recordsRead: 0, recordsRejected: 0, problem: reason, kind });
  }
}
