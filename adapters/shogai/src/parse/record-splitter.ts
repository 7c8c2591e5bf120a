const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The bytes of one CSV record as found in the file, without its CRLF. */
export interface RawRecord {
  /** The record's bytes; only the first `keep` of a record past the bound. */
  bytes: Buffer;
  /** Its true length in bytes. */
  length: number;
  /** True when the record is past the bound: `bytes` is only its head, kept as evidence. */
  overBound: boolean;
  /** The file line it starts on (1-based). */
  line: number;
}

/**
 * Splits a CSV byte stream into records at each CRLF outside quotes, without decoding: in CP932 (and in UTF-8, which
 * a wrong export can hold) no byte of a double-byte character is a quote, a CR or an LF. A record is held up to
 * `maxBytes`; past that it is only counted and its head kept, so a 150 MB field never reaches memory.
 */
export class RecordSplitter {
  private parts: Buffer[] = [];
  private held = 0;
  /** The record's length so far, its CR (if the last byte was one) included. */
  private length = 0;
  private inQuotes = false;
  private lastWasCr = false;
  private line = 1;
  private startLine = 1;

  constructor(
    private readonly maxBytes: number,
    private readonly keep = 4096,
  ) {}

  /** True when the stream ended inside a quoted field. */
  get openQuote(): boolean {
    return this.inQuotes;
  }

  push(chunk: Buffer, out: RawRecord[]): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === LF && this.lastWasCr) {
        if (!this.inQuotes) {
          this.take(chunk, start, i); // up to the LF: the CR is the record's last byte, dropped in emit
          this.emit(out);
          start = i + 1;
          this.lastWasCr = false;
          continue;
        }
        this.line++; // a line break inside a quoted field
      }
      if (byte === QUOTE) this.inQuotes = !this.inQuotes;
      this.lastWasCr = byte === CR;
    }
    this.take(chunk, start, chunk.length);
  }

  /** What is left at the end of the stream: bytes that lack their CRLF (a file cut short), or null. */
  rest(): RawRecord | null {
    return this.length === 0 ? null : this.record(this.length);
  }

  private take(chunk: Buffer, from: number, to: number): void {
    this.length += to - from;
    // Held up to the bound and one byte (the CR of a record exactly at the bound); past that only counted.
    const room = this.maxBytes + 1 - this.held;
    if (room <= 0 || to <= from) return;
    // Copied: the chunk is not ours to hold on to.
    const kept = Buffer.from(chunk.subarray(from, Math.min(to, from + room)));
    this.parts.push(kept);
    this.held += kept.length;
  }

  private record(length: number): RawRecord {
    const overBound = length > this.maxBytes;
    const all = Buffer.concat(this.parts, this.held);
    const bytes = overBound ? all.subarray(0, Math.min(all.length, this.keep)) : all.subarray(0, length);
    return { bytes, length, overBound, line: this.startLine };
  }

  private emit(out: RawRecord[]): void {
    out.push(this.record(this.length - 1));
    this.parts = [];
    this.held = 0;
    this.length = 0;
    this.line++;
    this.startLine = this.line;
  }
}
