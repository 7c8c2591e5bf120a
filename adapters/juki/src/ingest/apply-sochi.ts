import type { DataSource } from 'typeorm';
import type { IngestLedger } from '@welfare-hub/ingest';
import { inTransaction } from '@welfare-hub/store';
import { readSochiFile, type SochiFile } from '../sochi/index.js';
import type { SochiStore } from '../store/sochi-store.js';
import type { FileOutcome } from './apply-file.js';

/**
 * Applies one 支援措置 list, or reports why not. A list replaces the one in force only when it was read whole and
 * is not older than it; otherwise the list in force stays, since protection must never lapse because a file was
 * bad or late. A list naming no one is refused while the list in force protects someone: it is far more likely a
 * file cut after its header than the end of every measure at once (measures that end are delivered with their
 * 終了日). Reads are recorded in the ingest ledger (`sourceReads`); the rows never are, not even rejected ones: the
 * list says whom the city hides.
 */
export async function applySochiFile(
  deps: { db: DataSource; sochi: SochiStore; ledger: IngestLedger },
  file: SochiFile,
  sha256: string,
): Promise<FileOutcome> {
  const { list } = await readSochiFile(file.handle);
  const report = async (
    state: 'applied' | 'truncated' | 'failed' | 'superseded',
    recordsRead: number,
    problem: string | null,
  ): Promise<FileOutcome> => {
    await deps.ledger.recordRead({ name: file.name, sha256, state, recordsRead, recordsRejected: 0, problem });
    return { name: file.name, state: state === 'failed' ? 'refused' : state, recordsRead, recordsRejected: 0, problem };
  };
  if (!list.ok) {
    return report(list.cut ? 'truncated' : 'failed', 0, `支援措置 list not applied, the previous list stays in force: ${list.problem}`);
  }
  const applied = await inTransaction(deps.db, async (tx) => {
    const current = await deps.sochi.inForce(tx);
    if (current && current.listDate > file.date) return `older than the list in force (${current.listDate}): not applied`;
    if (list.rows.length === 0 && current && current.rows > 0) {
      return 'the list names no one while the list in force protects residents: not applied, the previous list stays in force';
    }
    await deps.sochi.replace({ date: file.date, name: file.name, sha256, rows: list.rows }, tx);
    return null;
  });
  if (applied !== null) return report(applied.startsWith('older') ? 'superseded' : 'failed', list.rows.length, applied);
  return report('applied', list.rows.length, list.duplicates > 0 ? `${list.duplicates} identical rows read once` : null);
}
