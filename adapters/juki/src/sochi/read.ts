import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSochiFileName } from './file-name.js';
import { parseSochiList, type SochiList } from './parse.js';

export interface SochiFile {
  name: string;
  path: string;
  date: string;
}

/**
 * Far above any real list (a few residents per thousand, 40 bytes a row: a city of four million sends about half a
 * megabyte), so that a wrong file cannot fill memory: the list is read whole because it is applied whole.
 */
export const SOCHI_MAX_BYTES = 16 * 1024 * 1024;

/** The 支援措置 lists in the drop folder, oldest first. */
export async function listSochiFiles(dir: string): Promise<SochiFile[]> {
  const files: SochiFile[] = [];
  for (const name of await readdir(dir)) {
    const parsed = parseSochiFileName(name);
    if (parsed) files.push({ name, path: join(dir, name), date: parsed.date });
  }
  return files.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Reads and parses one list, refusing what is not a regular file or is too large to be one. */
export async function readSochiFile(path: string): Promise<{ list: SochiList; bytes: Buffer | null }> {
  const info = await stat(path);
  if (!info.isFile()) return { list: { ok: false, problem: 'not a regular file', cut: false }, bytes: null };
  if (info.size > SOCHI_MAX_BYTES) return { list: { ok: false, problem: `larger than ${SOCHI_MAX_BYTES} bytes`, cut: false }, bytes: null };
  const bytes = await readFile(path);
  return { list: parseSochiList(bytes), bytes };
}
