import type { FileHandle } from 'node:fs/promises';
import yauzl from 'yauzl';

/**
 * The bounds every source reads within, from the legacy specs' field widths where they give them and, for free text
 * the specs leave open, a documented limit (packages/ingest/README.md § Bounds). Past a bound the record, or the whole
 * file, is rejected with the bound named; nothing past it is ever held in memory.
 */
export const BOUNDS = {
  /** Free text (概要, NAIYO, 備考, a kodomo case's summary): a consultation's summary, not a case file. */
  freeTextChars: 8_000,
  /** Short free text (事業所, 障害区分, 担当者, a name). */
  shortTextChars: 200,
  /** shogai CSV: one record's bytes, quoted line breaks included (the 相談 file's room for 概要 with every quote doubled). */
  csvRecordBytes: { TECHO: 4_096, JUKYUSHA: 8_192, SODAN: 65_536 } as const,
  /** konkyu workbook: the file as dropped. */
  xlsxFileBytes: 16 * 1024 * 1024,
  /** konkyu workbook: every part inflated, together. */
  xlsxInflatedBytes: 64 * 1024 * 1024,
  /** konkyu workbook: how much a part may inflate (an Excel sheet deflates about 5–20 times; a bomb a thousand). */
  xlsxRatio: 100,
  /** A part smaller than this inflated is never a bomb, whatever its ratio (a sheet of blank rows). */
  xlsxRatioFloorBytes: 1024 * 1024,
  /** kodomo API: one page's body (the spec's 500 items with room). */
  apiPageBytes: 16 * 1024 * 1024,
  /** kodomo API: one item, serialised. */
  apiItemBytes: 64 * 1024,
  /** kodomo API: pages in one read (a cursor that never ends). */
  apiPages: 10_000,
} as const;

const n = (value: number): string => value.toLocaleString('en-US');

/** The reason a value past its bound is rejected with: the field and the bound, never the value. */
export function pastBound(field: string, size: number, bound: number, unit: 'characters' | 'bytes' | 'items' | 'pages'): string {
  return `${field}: ${n(size)} ${unit}, past the bound of ${n(bound)} ${unit}`;
}

/** A text field past its bound, or null. Counts UTF-16 code units: a surrogate pair counts two, a bound errs strict. */
export function textPastBound(field: string, value: string | null | undefined, bound: number): string | null {
  return value != null && value.length > bound ? pastBound(field, value.length, bound, 'characters') : null;
}

/** A whole drop past a bound: it is rejected and not read further. */
export class PastBound extends Error {}

/** The whole file, when it is within `maxBytes`; PastBound before reading anything otherwise. */
export async function readWithin(handle: FileHandle, maxBytes: number, what: string): Promise<Buffer> {
  const { size } = await handle.stat();
  if (size > maxBytes) throw new PastBound(pastBound(what, size, maxBytes, 'bytes'));
  const buffer = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(buffer, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at === size ? buffer : buffer.subarray(0, at);
}

export interface ZipBounds {
  inflatedBytes: number;
  ratio: number;
  ratioFloorBytes: number;
}

/**
 * Checks a zip (an .xlsx) against its bounds before anything inflates it for real: first every part's declared size
 * and ratio from the central directory, then, since a header can lie, every part inflated once as a stream and counted,
 * stopped at its declared size (yauzl) and at the total bound. Memory stays flat; the work is bounded by the bound.
 * Resolves with null when the zip is within them, else with the reason.
 */
export async function zipPastBounds(buffer: Buffer, bounds: ZipBounds, what = 'workbook'): Promise<string | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false });
  } catch {
    return `${what}: not a zip archive (cut short?)`;
  }
  const entries: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch {
    return `${what}: its zip directory is damaged (cut short?)`;
  }
  const refused = declaredPastBounds(entries, bounds, what);
  if (refused !== null) {
    zip.close();
    return refused;
  }
  let inflated = 0;
  for (const entry of entries) {
    try {
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > bounds.inflatedBytes) {
          stream.destroy();
          zip.close();
          return `${what} inflates past the bound of ${n(bounds.inflatedBytes)} bytes: inflating stopped there`;
        }
      }
    } catch {
      zip.close();
      // yauzl's own check: a part that inflates past (or short of) its declared size, or a broken stream.
      return `${what}: a part does not inflate to its declared size (a damaged or hostile archive): not read`;
    }
  }
  zip.close();
  return null;
}

/** The central directory's word on sizes: a bomb that admits what it is never reaches the inflater. */
function declaredPastBounds(entries: readonly yauzl.Entry[], bounds: ZipBounds, what: string): string | null {
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    if (declared > bounds.inflatedBytes)
      return `${what} would inflate to ${n(declared)} bytes, past the bound of ${n(bounds.inflatedBytes)} bytes (as its directory declares): not inflated`;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= bounds.ratioFloorBytes && ratio > bounds.ratio) {
      return `${what}: a part inflates ${Math.round(ratio)} times, past the bound of ${bounds.ratio} (as declared): not inflated`;
    }
  }
  return null;
}
