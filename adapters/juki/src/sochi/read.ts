import type { FileHandle } from 'node:fs/promises';
import { PastBound, readWithin } from '@welfare-hub/ingest';
import { parseSochiList, type SochiList } from './parse.js';

export interface SochiFile {
  name: string;
  date: string;
  /** The list opened by the folder discipline (a regular file inside the folder). */
  handle: FileHandle;
}

/**
 * Far above any real list (a few residents per thousand, 40 bytes a row: a city of four million sends about half a
 * megabyte), so that a wrong file cannot fill memory: the list is read whole because it is applied whole.
 */
export const SOCHI_MAX_BYTES = 16 * 1024 * 1024;

/** Reads and parses one list, refusing one too large to be one. */
export async function readSochiFile(handle: FileHandle): Promise<{ list: SochiList }> {
  try {
    return { list: parseSochiList(await readWithin(handle, SOCHI_MAX_BYTES, 'a 支援措置 list')) };
  } catch (error) {
    if (!(error instanceof PastBound)) throw error;
    return { list: { ok: false, problem: error.message, cut: false } };
  }
}
