import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { readFrom } from './drop-folder.js';

/** The content hash of an open drop file, streamed: what tells a file read before from a new one. */
export async function sha256Of(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of readFrom(handle)) hash.update(chunk);
  return hash.digest('hex');
}
