import { listDropFolder, type DropFile, type DropFileSpec } from '@welfare-hub/ingest';
import { JUKI_FILES, parseJukiFileName } from '../parse/index.js';
import { parseSochiFileName } from '../sochi/index.js';

export interface JukiFile {
  name: string;
  path: string;
  kind: 'FULL' | 'IDO';
  date: string;
}

type JukiDrop = { kind: 'FULL' | 'IDO' | 'SOCHI'; date: string };

/**
 * Everything the registry drops in its folder, for the shared folder discipline: the extracts and the 支援措置 lists
 * (listed once per scan, so that each is reported once and neither is taken for a misnamed other).
 */
export const JUKI_FOLDER: DropFileSpec<JukiDrop> = {
  parse: (name) => {
    const extract = parseJukiFileName(name);
    if (extract) return extract;
    const list = parseSochiFileName(name);
    return list ? { kind: 'SOCHI', date: list.date } : null;
  },
  prefixes: [...JUKI_FILES.prefixes, 'JUKI_SOCHI_'],
  expected: `${JUKI_FILES.expected} or JUKI_SOCHI_YYYYMMDD.csv`,
};

/** The 支援措置 lists among the listed files, oldest first. */
export function sochiLists(files: readonly DropFile<JukiDrop>[]): { name: string; path: string; date: string }[] {
  return files
    .filter((f) => f.parsed.kind === 'SOCHI')
    .map((f) => ({ name: f.name, path: f.path, date: f.parsed.date }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The extracts among the listed files in the order they must be applied: by date, a full extract before that day's 異動. */
export function inApplyOrder(files: readonly DropFile<JukiDrop>[]): JukiFile[] {
  return files
    .filter((f): f is DropFile<{ kind: 'FULL' | 'IDO'; date: string }> => f.parsed.kind !== 'SOCHI')
    .map((f) => ({ name: f.name, path: f.path, ...f.parsed }))
    .sort((a, b) => (a.date === b.date ? (a.kind === 'FULL' ? -1 : 1) : a.date < b.date ? -1 : 1));
}

/** The juki files in the drop folder in apply order (regular files only; the ingest reports the rest). */
export async function listJukiFiles(dir: string): Promise<JukiFile[]> {
  return inApplyOrder((await listDropFolder(dir, JUKI_FOLDER)).files);
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
