import { listDropFolder, type DropFile } from '@welfare-hub/ingest';
import { JUKI_FILES } from '../parse/index.js';

export interface JukiFile {
  name: string;
  path: string;
  kind: 'FULL' | 'IDO';
  date: string;
}

/** The listed files in the order they must be applied: by date, a full extract before that day's 異動. */
export function inApplyOrder(files: readonly DropFile<{ kind: 'FULL' | 'IDO'; date: string }>[]): JukiFile[] {
  return files
    .map((f) => ({ name: f.name, path: f.path, ...f.parsed }))
    .sort((a, b) => (a.date === b.date ? (a.kind === 'FULL' ? -1 : 1) : a.date < b.date ? -1 : 1));
}

/** The juki files in the drop folder in apply order (regular files only; the ingest reports the rest). */
export async function listJukiFiles(dir: string): Promise<JukiFile[]> {
  return inApplyOrder((await listDropFolder(dir, JUKI_FILES)).files);
}

/** Days with no 異動 file between consecutive files, for the report. A quiet day may have none; a person checks. */
export function missingDays(files: readonly JukiFile[]): Map<string, string[]> {
  const gaps = new Map<string, string[]>();
  for (let i = 1; i < files.length; i++) {
    const current = files[i]!;
    if (current.kind !== 'IDO') continue;
    const missing: string[] = [];
    for (let day = nextDay(files[i - 1]!.date); day < current.date; day = nextDay(day)) missing.push(day);
    if (missing.length > 0) gaps.set(current.name, missing);
  }
  return gaps;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
