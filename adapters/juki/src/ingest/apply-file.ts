import type { DataSource } from 'typeorm';
import type { IngestLedger, Rejection } from '@welfare-hub/ingest';
import { inTransaction } from '@welfare-hub/store';
import { checkJukiFile, readJukiFile } from '../parse/index.js';
import type { PersonStore, StoredPerson } from '../store/person-store.js';
import type { JukiFile } from './folder.js';

export interface FileOutcome {
  name: string;
  /** refused: read whole but not applied (a 支援措置 list that breaks the specification); superseded: older than what is in force. */
  state: 'applied' | 'truncated' | 'unchanged' | 'refused' | 'superseded';
  recordsRead: number;
  recordsRejected: number;
  problem: string | null;
}

/**
 * Applies one juki file. A file that was cut short is reported and not applied at all: half a day's 異動
 * would leave households half moved. Each batch commits on its own; the file counts as applied only at the
 * end, so a crash part-way simply means the file is applied again, which the 更新日時 guard makes harmless.
 */
export async function applyJukiFile(
  deps: { db: DataSource; persons: PersonStore; ledger: IngestLedger; batchSize: number },
  file: JukiFile,
  sha256: string,
  note: string | null,
): Promise<FileOutcome> {
  const summary = await checkJukiFile(file.path);
  if (!summary.complete) {
    const problem = `file cut short: ${summary.problem ?? 'trailer missing or count differs'}`;
    await deps.ledger.recordRead({
      name: file.name,
      sha256,
      state: 'truncated',
      recordsRead: summary.dataRecords,
      recordsRejected: 0,
      problem,
    });
    return { name: file.name, state: 'truncated', recordsRead: summary.dataRecords, recordsRejected: 0, problem };
  }

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
  for await (const line of readJukiFile(file.path)) {
    read++;
    if ('record' in line) {
      people.push({ ...line.record, sourceFile: file.name, sourcePosition: line.recordNo });
    } else {
      rejected++;
      rejections.push({ origin: file.name, position: line.recordNo, reason: line.rejected.reason, field: line.rejected.field, raw: line.rejected.raw });
    }
    if (people.length + rejections.length >= deps.batchSize) await flush();
  }
  await flush();
  await deps.ledger.recordRead({ name: file.name, sha256, state: 'applied', recordsRead: read, recordsRejected: rejected, problem: note });
  return { name: file.name, state: 'applied', recordsRead: read, recordsRejected: rejected, problem: note };
}
