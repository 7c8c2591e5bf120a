import { open } from 'node:fs/promises';
import { checkpointFromJson, checkpointToJson, type Checkpoint } from './checkpoint.js';

/** A head of the chain as the keeper saw it (unsigned): how far the log had reached, and with which hash, at a time. */
export interface ObservedHead {
  entryId: string;
  entryHash: string;
  at: Date;
}

export interface WitnessState {
  /** The latest checkpoint the keeper signed. */
  signed: Checkpoint | null;
  /** The latest head the keeper saw. */
  observed: ObservedHead | null;
}

/**
 * Where the keeper also keeps what it signed and saw, out of reach of whoever owns the database: the log is checked
 * against it, so that checkpoints deleted or a tail cut in the database show. An append-only file here; a second store
 * configured apart would do the same.
 */
export interface Witness {
  noteSigned(checkpoint: Checkpoint): Promise<void>;
  noteObserved(head: ObservedHead): Promise<void>;
  latest(): Promise<WitnessState>;
}

const CHUNK = 64 * 1024;

/**
 * JSON lines appended to a file (HUB_AUDIT_WITNESS_PATH) and flushed to disk before the keeper goes on. Meant for a
 * file the database's owner cannot write (another host's mount, `chattr +a`, a WORM volume): the hub only appends.
 * A line cut short by a crash is skipped.
 */
export class FileWitness implements Witness {
  constructor(readonly path: string) {}

  noteSigned(checkpoint: Checkpoint): Promise<void> {
    return this.append({ kind: 'signed', ...checkpointToJson(checkpoint) });
  }

  noteObserved(head: ObservedHead): Promise<void> {
    return this.append({ kind: 'observed', entryId: head.entryId, entryHash: head.entryHash, at: head.at.toISOString() });
  }

  private async append(record: Record<string, unknown>): Promise<void> {
    const file = await open(this.path, 'a', 0o600);
    try {
      await file.write(`${JSON.stringify(record)}\n`);
      await file.datasync();
    } finally {
      await file.close();
    }
  }

  /** The latest signed and the latest observed head, read backwards from the end of the file. */
  async latest(): Promise<WitnessState> {
    const state: WitnessState = { signed: null, observed: null };
    let file;
    try {
      file = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state;
      throw error;
    }
    try {
      let position = (await file.stat()).size;
      let carry = '';
      while (position > 0 && (!state.signed || !state.observed)) {
        const length = Math.min(CHUNK, position);
        position -= length;
        const buffer = Buffer.alloc(length);
        await file.read(buffer, 0, length, position);
        // The file is ASCII (digits, hex, base64, ISO times), so a chunk boundary never splits a character.
        const lines = (buffer.toString('latin1') + carry).split('\n');
        carry = position > 0 ? lines.shift()! : '';
        for (const line of lines.reverse()) this.take(line, state);
      }
    } finally {
      await file.close();
    }
    return state;
  }

  private take(line: string, state: WitnessState): void {
    if (line.trim() === '') return;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    if (record['kind'] === 'signed' && !state.signed) state.signed = checkpointFromJson(record);
    if (record['kind'] === 'observed' && !state.observed && typeof record['entryId'] === 'string' && typeof record['entryHash'] === 'string') {
      const at = new Date(String(record['at']));
      if (!Number.isNaN(at.getTime())) state.observed = { entryId: record['entryId'], entryHash: record['entryHash'], at };
    }
  }
}
