/**
 * What is wrong with a source now, each under the slot that a fix clears: `drop:<name>` for a refused folder entry
 * (cleared when it is gone), a snapshot's kind for a held or cut-short file (cleared when a later one of that kind is
 * applied, or the held one accepted), `read` for a source that could not be read, `stuck` for an abandoned read.
 * The source is degraded while any is open: a folder event with nothing new no longer makes it look well.
 */
export class OpenProblems {
  private readonly open = new Map<string, { reason: string; kind: ProblemKind }>();

  raise(slot: string, reason: string, kind: ProblemKind): void {
    this.open.set(slot, { reason, kind });
  }

  clear(slot: string): void {
    this.open.delete(slot);
  }

  /** Clears every slot starting with `prefix` that is not in `keep`. */
  clearAllBut(prefix: string, keep: ReadonlySet<string>): void {
    for (const slot of [...this.open.keys()]) if (slot.startsWith(prefix) && !keep.has(slot)) this.open.delete(slot);
  }

  get size(): number {
    return this.open.size;
  }

  count(kind: ProblemKind): number {
    let n = 0;
    for (const p of this.open.values()) if (p.kind === kind) n++;
    return n;
  }

  /**
   * The reasons, slot by slot, for the health report: file names and counts, never a record's content. At most `max`
   * lines, the rest counted: a folder of a thousand misnamed files must not make the health answer huge.
   */
  reasons(max = 20): string[] {
    const all = [...this.open.entries()].map(([slot, p]) => `${slot}: ${p.reason}`);
    return all.length <= max ? all : [...all.slice(0, max), `… and ${all.length - max} more`];
  }
}

/** held: a read waiting for a fix or an admin; rejected: a drop not read; truncated: cut short; failed: unreadable source; stuck: timed out. */
export type ProblemKind = 'held' | 'rejected' | 'truncated' | 'failed' | 'stuck';
