import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/** One line of a file, without its CRLF. */
export interface Line {
  /** The line's bytes; only the first MAX_KEPT of a line longer than that. */
  bytes: Buffer;
  /** The line's true length in bytes. */
  length: number;
}

/**
 * Longer than any record could be: the head of such a line is kept as evidence, the rest only counted, so a
 * file without CRLF (an FTP transfer in ASCII mode turns it into LF) cannot pile up in memory.
 */
export const MAX_KEPT = 4096;

const CR = 0x0d;
const LF = 0x0a;
const CRLF = Buffer.from([CR, LF]);

/**
 * Splits a byte stream on CRLF (safe in CP932: no trail byte is 0x0D or 0x0A), holding at most one line's
 * head between chunks. A bare CR or LF is no line end: it stays inside the line, whose length then tells it is
 * broken.
 */
export class CrlfSplitter {
  /** The start of a line begun in an earlier chunk, its true length, and whether its last byte was CR. */
  private head: Buffer | null = null;
  private length = 0;
  private endsInCr = false;

  push(chunk: Buffer, out: Line[]): void {
    let start = 0;
    if (this.head !== null) {
      if (this.endsInCr && chunk[0] === LF) {
        this.finish(out, 1);
        start = 1;
      } else {
        const end = chunk.indexOf(CRLF);
        if (end === -1) {
          this.extend(chunk);
          return;
        }
        this.extend(chunk.subarray(0, end));
        this.finish(out, 0);
        start = end + 2;
      }
    }
    for (let end = chunk.indexOf(CRLF, start); end !== -1; end = chunk.indexOf(CRLF, start)) {
      const bytes = chunk.subarray(start, end);
      out.push({ bytes: bytes.length > MAX_KEPT ? bytes.subarray(0, MAX_KEPT) : bytes, length: bytes.length });
      start = end + 2;
    }
    if (start < chunk.length) this.extend(chunk.subarray(start));
  }

  /** The last line, which may lack its CRLF. */
  end(out: Line[]): void {
    if (this.head !== null) this.finish(out, 0);
  }

  private extend(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const room = MAX_KEPT - (this.head?.length ?? 0);
    const kept = bytes.subarray(0, Math.max(0, room));
    // Copied: the chunk it came from is not ours to hold on to.
    this.head = this.head === null ? Buffer.from(kept) : kept.length > 0 ? Buffer.concat([this.head, kept]) : this.head;
    this.length += bytes.length;
    this.endsInCr = bytes[bytes.length - 1] === CR;
  }

  /** Ends the held line, dropping `trim` bytes (the CR of a CRLF split between chunks). */
  private finish(out: Line[], trim: number): void {
    const length = this.length - trim;
    const head = this.head ?? Buffer.alloc(0);
    out.push({ bytes: head.length > length ? head.subarray(0, length) : head, length });
    this.head = null;
    this.length = 0;
    this.endsInCr = false;
  }
}

/**
 * A file's lines, a chunk's worth at a time: memory stays flat whatever the file's size. An open handle (a checked
 * drop, see @welfare-hub/ingest openDropFile) is read from its start and left open.
 */
export async function* fileLines(file: string | FileHandle): AsyncGenerator<Line[]> {
  const splitter = new CrlfSplitter();
  const chunks =
    typeof file === 'string'
      ? createReadStream(file, { highWaterMark: 1 << 20 })
      : file.createReadStream({ start: 0, autoClose: false, highWaterMark: 1 << 20 });
  for await (const chunk of chunks as AsyncIterable<Buffer>) {
    const out: Line[] = [];
    splitter.push(chunk, out);
    yield out;
  }
  const last: Line[] = [];
  splitter.end(last);
  if (last.length > 0) yield last;
}
