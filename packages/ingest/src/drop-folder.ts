import { constants } from 'node:fs';
import { lstat, open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** What a drop folder's files are called, as a source's spec names them. */
export interface DropFileSpec<P> {
  /** The spec's name parsed (kind, date), or null for any other name. */
  parse(name: string): P | null;
  /**
   * How the spec's names start, upper case (`SHOGAI_TECHO_`, `JUKI_IDO_`): a name that starts so, whatever its case
   * or width, but does not parse is an operator's misnamed export and is reported, not passed over.
   */
  prefixes: readonly string[];
  /** The spec's names as a person reads them, for the report (`SHOGAI_TECHO_YYYYMMDD.csv`). */
  expected: string;
}

export interface DropFile<P> {
  name: string;
  path: string;
  parsed: P;
}

/** A folder entry named like an export that is not read: a directory, a pipe, a link, or a name not quite the spec's. */
export interface RefusedDrop {
  name: string;
  reason: string;
}

export interface DropListing<P> {
  files: DropFile<P>[];
  refused: RefusedDrop[];
}

function kindOf(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSymbolicLink(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
}): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isSocket()) return 'a socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Why a name is almost the spec's: it would parse once NFKC-folded, trimmed and without a leading dot, or it starts
 * like one of the spec's names in any case or width. Null when it is nothing like them.
 */
function nearMiss<P>(name: string, spec: DropFileSpec<P>): string | null {
  const faults: string[] = [];
  if (/[\u0000-\u001f\u007f]/u.test(name)) faults.push('a control character (a line break?)');
  if (/^\./u.test(name)) faults.push('a leading dot');
  if (/^[\s\u3000]/u.test(name)) faults.push('a leading space');
  if (/[.\s\u3000]$/u.test(name)) faults.push('a trailing dot or space');
  if (name.normalize('NFKC') !== name) faults.push('full-width or other non-ASCII characters');
  const cleaned = name
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f]/gu, '')
    .replace(/^[.\s]+|[.\s]+$/gu, '');
  const upper = cleaned.toUpperCase();
  if (spec.parse(cleaned) === null && !spec.prefixes.some((p) => upper.startsWith(p))) return null;
  const detail = faults.length > 0 ? ` (${faults.join(', ')})` : '';
  return `named like an export but not as the spec says${detail}: expected ${spec.expected}`;
}

/**
 * Lists a drop folder the way an operator's mistakes need: only regular files inside it are read, each entry named
 * like an export that is something else (a directory, a named pipe, a symbolic link, a device) is refused with its
 * kind, and a name that is almost the spec's is refused with what is wrong with it. Nothing is followed, nothing
 * is opened here. Other names are none of this source's business and pass unseen.
 */
export async function listDropFolder<P>(dir: string, spec: DropFileSpec<P>): Promise<DropListing<P>> {
  const files: DropFile<P>[] = [];
  const refused: RefusedDrop[] = [];
  for (const name of await readdir(dir)) {
    const parsed = spec.parse(name);
    const miss = parsed === null ? nearMiss(name, spec) : null;
    if (parsed === null && miss === null) continue;
    let stats;
    try {
      stats = await lstat(join(dir, name));
    } catch {
      continue; // gone between the listing and the look: nothing to read or report
    }
    if (miss !== null) refused.push({ name, reason: stats.isFile() ? miss : `${kindOf(stats)}, ${miss}` });
    else if (!stats.isFile()) refused.push({ name, reason: `${kindOf(stats)}, not a regular file: not read` });
    else files.push({ name, path: join(dir, name), parsed: parsed! });
  }
  return { files, refused };
}

/** A drop that passed the listing but cannot be read as a regular file now (replaced, unreadable). */
export class DropUnreadable extends Error {}

/**
 * Opens a listed file for reading, refusing at the last moment what the listing could not see: an entry replaced by
 * a symbolic link (O_NOFOLLOW), by a pipe or a device (opened without blocking, then checked), or one the hub may not
 * read. The handle is read from position 0 as often as needed; the caller closes it.
 */
export async function openDropFile(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new DropUnreadable('a symbolic link, not a regular file: not read');
    if (code === 'EACCES' || code === 'EPERM') throw new DropUnreadable('the hub may not read it (permission denied)');
    if (code === 'ENXIO') throw new DropUnreadable('a named pipe or device, not a regular file: not read');
    throw new DropUnreadable(`could not be opened (${code ?? 'error'})`);
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new DropUnreadable(`${kindOf(stats)}, not a regular file: not read`);
  }
  return handle;
}

/** The file's bytes from the start, a chunk at a time; the handle stays open. */
export function readFrom(handle: FileHandle, highWaterMark = 1 << 20): AsyncIterable<Buffer> {
  return handle.createReadStream({ start: 0, autoClose: false, highWaterMark }) as AsyncIterable<Buffer>;
}
