import { CrlfSplitter, MAX_KEPT, type Line } from '../../src/parse/lines.js';

/** Feeds the bytes in chunks of the given size and returns the lines as [text, true length]. */
function split(input: Buffer, chunkSize: number): [string, number][] {
  const splitter = new CrlfSplitter();
  const out: Line[] = [];
  for (let i = 0; i < input.length; i += chunkSize) splitter.push(input.subarray(i, i + chunkSize), out);
  splitter.end(out);
  return out.map((line) => [line.bytes.toString('latin1'), line.length]);
}

const text = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('splitting on CRLF', () => {
  it('gives the same lines however the input is cut into chunks, CRLF split between two chunks included', () => {
    const input = text('first\r\nsecond line\r\n\r\nthird\rwith CR\nand LF\r\nlast');
    const expected: [string, number][] = [
      ['first', 5],
      ['second line', 11],
      ['', 0],
      ['third\rwith CR\nand LF', 20],
      ['last', 4],
    ];
    for (let size = 1; size <= input.length; size++) expect(split(input, size)).toEqual(expected);
  });

  it('tells a final line without CRLF from a final CRLF', () => {
    expect(split(text('a\r\nb'), 3)).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(split(text('a\r\nb\r\n'), 3)).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(split(text('a\r\nb\r'), 1)).toEqual([
      ['a', 1],
      ['b\r', 2],
    ]);
  });

  it('gives no line for no input', () => {
    expect(split(Buffer.alloc(0), 1)).toEqual([]);
  });

  it('keeps only the head of a line too long to be a record, and counts all of it', () => {
    // An FTP transfer in ASCII mode leaves LF where CRLF was: the whole file is one line.
    const lfOnly = Buffer.alloc(50_000, 0x41);
    for (let i = 200; i < lfOnly.length; i += 201) lfOnly[i] = 0x0a;
    for (const size of [1000, 4097, 65_536]) {
      const lines = split(lfOnly, size);
      expect(lines).toHaveLength(1);
      expect(lines[0]![0]).toHaveLength(MAX_KEPT);
      expect(lines[0]![1]).toBe(50_000);
    }
  });

  it('counts a long line correctly when its CRLF is split between chunks', () => {
    const input = Buffer.concat([Buffer.alloc(MAX_KEPT + 10, 0x42), text('\r\nnext')]);
    expect(split(input, MAX_KEPT + 11).map(([line, length]) => [line.length, length])).toEqual([
      [MAX_KEPT, MAX_KEPT + 10],
      [4, 4],
    ]);
  });

  it('does not hold on to the chunks it was given', () => {
    const splitter = new CrlfSplitter();
    const out: Line[] = [];
    const chunk = text('abc\r\ndef');
    splitter.push(chunk, out);
    chunk.fill(0x58);
    splitter.end(out);
    expect(out[1]!.bytes.toString('latin1')).toBe('def');
  });
});
