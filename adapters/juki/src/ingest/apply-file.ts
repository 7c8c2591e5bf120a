import type { FileHandle } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import type { IngestLedger, ReadCounts, Rejection } from '@welfare-hub/ingest';
import { inTransaction } from '@welfare-hub/store';
import { readJukiFile, type JukiFileSummary } from '../parse/index.js';
import type { PersonStore, StoredPerson } from '../store/person-store.js';
import type { JukiFile } from './folder.js';

export interface FileOutcome {
  name: string;
  /** refused: read whole but not applied (a 支援措置 list that breaks the specification); superseded: older than what is in force. */
  state: 'applied' | 'truncated' | 'held' | 'rejected' | 'unchanged' | 'refused' | 'superseded';
  recordsRead: number;
  recordsRejected: number;
  problem: string | null;
}

/** What a juki read supersedes: a full extract every full extract before it; a 異動 file only itself. */
export function jukiReadKind(file: Pick<JukiFile, 'kind' | 'name'>): string {
  return file.kind === 'FULL' ? 'JUKI_FULL' : file.name;
}

/** A first pass without writing: whether the file arrived whole, and how many of its records would be rejected. */
async function count(handle: FileHandle): Promise<{ summary: JukiFileSummary; counts: ReadCounts }> {
  const counts = { read: 0, rejected: 0 };
  const reader = readJukiFile(handle);
  for (let next = await reader.next(); ; next = await reader.next()) {
    if (next.done) return { summary: next.value, counts };
    counts.read++;
    if ('rejected' in next.value) counts.rejected++;
  }
}

/**
 * Applies one juki file. A file that was cut short is reported and not applied at all: half a day's 異動
 * would leave households half moved. One whose records are mostly rejected (or a full extract far smaller than the
 * last) is held, as `hold` decides, and not applied either. Each batch commits on its own; the file counts as applied
 * only at the end, so a crash part-way simply means the file is applied again, which the 更新日時 guard makes harmless.
 */
export async function applyJukiFile(
  deps: { db: DataSource; persons: PersonStore; ledger: IngestLedger; batchSize: number },
  file: JukiFile,
  handle: FileHandle,
  sha256: string,
  note: string | null,
  hold: (counts: ReadCounts) => Promise<string | null>,
): Promise<FileOutcome> {
  const kind = jukiReadKind(file);
  const { summary, counts } = await count(handle);
  if (!summary.complete) {
    const problem = `file cut short: ${summary.problem ?? 'trailer missing or count differs'}`;
    await deps.ledger.recordRead({
      name: file.name,
      sha256,
      state: 'truncated',
      recordsRead: summary.dataRecords,
      recordsRejected: 0,
      problem,
      kind,
    });
    return { name: file.name, state: 'truncated', recordsRead: summary.dataRecords, recordsRejected: 0, problem };
  }
  const held = await hold(counts);
  if (held !== null) return { name: file.name, state: 'held', recordsRead: counts.read, recordsRejected: counts.rejected, problem: held };

  let people: StoredPerson[] = [];
  let rejections: Rejection[] = [];
  let read = 0;
  let rejected = 0;
  const flush = async (): Promise<void> => {
    const [batch, refused] = [people, rejections];
    people = [];
    rejections = [];
    await inTransaction(deps.db, async (tx) => {
      await deps.persons.upsert(batch, tx);
      await deps.ledger.recordRejections(refused, tx);
    });
  };
  for await (const line of readJukiFile(handle)) {
    read++;
    if ('record' in line) {
      people.push({ ...line.record, sourceFile: file.name, sourcePosition: line.recordNo });
    } else {
      rejected++;
      rejections.push({
        origin: file.name,
        position: line.recordNo,
        reason: line.rejected.reason,
        field: line.rejected.field,
        raw: line.rejected.raw,
      });
    }
    if (people.length + rejections.length >= deps.batchSize) await flush();
  }
  await flush();
  await deps.ledger.recordRead({ name: file.name, sha256, state: 'applied', recordsRead: read, recordsRejected: rejected, problem: note, kind });
  return { name: file.name, state: 'applied', recordsRead: read, recordsRejected: rejected, problem: note };
}
