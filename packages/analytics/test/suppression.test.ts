import fc from 'fast-check';
import { suppressList, suppressTable, type SuppressedTable } from '../src/suppression.js';

const n = null;

describe('suppressTable — tables worked out by hand', () => {
  it('publishes a table with no small value unchanged, with its totals', () => {
    expect(
      suppressTable({
        cells: [
          [20, 30, 40],
          [25, 35, 45],
          [50, 60, 70],
        ],
        threshold: 10,
      }),
    ).toEqual({
      cells: [
        [20, 30, 40],
        [25, 35, 45],
        [50, 60, 70],
      ],
      rowTotals: [90, 105, 180],
      columnTotals: [95, 125, 155],
      grandTotal: 375,
      suppressed: { primary: 0, secondary: 0 },
    });
  });

  it('hides one small cell with a complement in its row, one in its column and the fourth corner', () => {
    // 5 at (0,0) is small. To move it by one without touching the published totals, a
    // rectangle (0,0) (0,j) (i,j) (i,0) must be hidden. Costs of the candidates:
    //   i=1,j=1: 30 + 25 + 35 =  90   ← cheapest
    //   i=1,j=2: 40 + 25 + 45 = 110;  i=2,j=1: 30 + 50 + 60 = 140;  i=2,j=2: 40 + 50 + 70 = 160
    // and any route through a total costs more (a total is at least 75 here).
    expect(
      suppressTable({
        cells: [
          [5, 30, 40],
          [25, 35, 45],
          [50, 60, 70],
        ],
        threshold: 10,
      }),
    ).toEqual({
      cells: [
        [n, n, 40],
        [n, n, 45],
        [50, 60, 70],
      ],
      rowTotals: [75, 105, 180],
      columnTotals: [80, 125, 155],
      grandTotal: 360,
      suppressed: { primary: 1, secondary: 3 },
    });
  });

  it('lets two small cells of one row protect each other, plus one other row', () => {
    // 5 and 3 in row 0 hide each other within the row; their columns still need a partner
    // row: row 1 costs 25 + 35 = 60, row 2 costs 50 + 60 = 110. The row total 48 stays.
    expect(
      suppressTable({
        cells: [
          [5, 3, 40],
          [25, 35, 45],
          [50, 60, 70],
        ],
        threshold: 10,
      }),
    ).toEqual({
      cells: [
        [n, n, 40],
        [n, n, 45],
        [50, 60, 70],
      ],
      rowTotals: [48, 105, 180],
      columnTotals: [80, 98, 155],
      grandTotal: 333,
      suppressed: { primary: 2, secondary: 2 },
    });
  });

  it('hides a small row total behind another row total', () => {
    // Row 1 is [0, 4, 0]: its total 4 is small and equal to its only non-zero cell, so both
    // are hidden, and the total can only move together with another row total (or the grand
    // total). Cheapest: down column 1 to row 2 (12), out of row 2 through its total (67):
    // 79, against 30 + 75 = 105 through row 0 and 46 + 146 = 192 through the grand total.
    // The zeros of row 1 are published.
    expect(
      suppressTable({
        cells: [
          [20, 30, 25],
          [0, 4, 0],
          [15, 12, 40],
        ],
        threshold: 10,
      }),
    ).toEqual({
      cells: [
        [20, 30, 25],
        [0, n, 0],
        [15, n, 40],
      ],
      rowTotals: [75, n, n],
      columnTotals: [35, 46, 65],
      grandTotal: 146,
      suppressed: { primary: 2, secondary: 2 },
    });
  });

  it('does not let a total be worked out from hidden values being at least 1', () => {
    // Row 0 is [1, 1, 0] with threshold 3: both 1s and the total 2 are small. A 1 cannot go
    // down (a hidden value is never 0, a reader knows), so raising (0,0) must leave row 0
    // through its total: down (1,0) = 20, out through the row-1 total 90 (110, against
    // 21 + 92 = 113 through column 0 and the grand total). Raising (0,1) then costs (1,1) = 30.
    // The row-0 total keeps its floor of 2 (two hidden cells of at least 1) and can only go up.
    expect(
      suppressTable({
        cells: [
          [1, 1, 0],
          [20, 30, 40],
        ],
        threshold: 3,
      }),
    ).toEqual({
      cells: [
        [n, n, 0],
        [n, n, 40],
      ],
      rowTotals: [n, n],
      columnTotals: [21, 31, 40],
      grandTotal: 92,
      suppressed: { primary: 3, secondary: 3 },
    });
  });

  it('protects a small cell downwards too: a 1 on its cycle cannot go to 0', () => {
    // Threshold 6: 5 and 1 are small. The four cells hidden, 5 could go up (5+1, 20−1,
    // 20−1, 1+1) but not down, which would take the 1 to 0: a reader would learn
    // (1,1) = (0,0) − 4 ≥ 1, so (0,0) ≥ 5. Lowering needs a route from row 0 to column 0
    // avoiding the 1: through both column totals (21 + 25) or both row totals (25 + 21);
    // the tie (46 each) goes to the route found first.
    expect(
      suppressTable({
        cells: [
          [5, 20],
          [20, 1],
        ],
        threshold: 6,
      }),
    ).toEqual({
      cells: [
        [n, n],
        [n, n],
      ],
      rowTotals: [25, 21],
      columnTotals: [n, n],
      grandTotal: 46,
      suppressed: { primary: 2, secondary: 4 },
    });
  });

  it('hides the grand total of [[1,1],[1,1]] although no hidden value is a bridge without it', () => {
    // Threshold 3: the four 1s and the four totals of 2 are small. With the grand total 4
    // published, linear algebra alone finds nothing determined, but each row total is ≥ 2
    // (two hidden cells ≥ 1) and they add up to 4, so every cell would be exactly 1.
    expect(
      suppressTable({
        cells: [
          [1, 1],
          [1, 1],
        ],
        threshold: 3,
      }),
    ).toEqual({
      cells: [
        [n, n],
        [n, n],
      ],
      rowTotals: [n, n],
      columnTotals: [n, n],
      grandTotal: n,
      suppressed: { primary: 8, secondary: 1 },
    });
  });

  it('handles a single column: the row totals are the cells, the column total is the grand total', () => {
    // The only relation is 5 + 20 + 30 = 55; 5 hides with the smallest other entry, 20.
    // Each hidden cell and its (identical) row total count once.
    expect(suppressTable({ cells: [[5], [20], [30]], threshold: 10 })).toEqual({
      cells: [[n], [n], [30]],
      rowTotals: [n, n, 30],
      columnTotals: [55],
      grandTotal: 55,
      suppressed: { primary: 1, secondary: 1 },
    });
  });

  it('handles a single cell: no relation, hidden only if small', () => {
    expect(suppressTable({ cells: [[4]], threshold: 10 })).toEqual({
      cells: [[n]],
      rowTotals: [n],
      columnTotals: [n],
      grandTotal: n,
      suppressed: { primary: 1, secondary: 0 },
    });
    expect(suppressTable({ cells: [[40]] }).cells).toEqual([[40]]);
  });

  it('handles a one-dimensional list with a published total', () => {
    // 3 and 7 are small; they hide each other (3 + 7 = 47 − 12 − 0 − 25), the total stays.
    expect(suppressList([12, 3, 0, 7, 25], 10)).toEqual({
      counts: [12, n, 0, n, 25],
      total: 47,
      suppressed: { primary: 2, secondary: 0 },
    });
    // 3 alone needs a complement: the smallest non-zero entry, 12 — never the 0.
    expect(suppressList([12, 3, 0, 25], 10)).toEqual({
      counts: [n, n, 0, 25],
      total: 40,
      suppressed: { primary: 1, secondary: 1 },
    });
    // The same list as a 1 × n table: the column totals mirror the entries.
    expect(suppressTable({ cells: [[12, 3, 0, 25]], threshold: 10 })).toEqual({
      cells: [[n, n, 0, 25]],
      rowTotals: [40],
      columnTotals: [n, n, 0, 25],
      grandTotal: 40,
      suppressed: { primary: 1, secondary: 1 },
    });
    // A small total hides with its only non-zero entry; nothing else can reveal them.
    expect(suppressList([5, 0, 0], 10)).toEqual({ counts: [n, 0, 0], total: n, suppressed: { primary: 2, secondary: 0 } });
  });

  it('hides everything non-zero when the grand total is small', () => {
    // Grand total 6 < 10, so every total and every non-zero cell is small; the 0 is published.
    expect(
      suppressTable({
        cells: [
          [1, 2],
          [0, 3],
        ],
        threshold: 10,
      }),
    ).toEqual({
      cells: [
        [n, n],
        [0, n],
      ],
      rowTotals: [n, n],
      columnTotals: [n, n],
      grandTotal: n,
      suppressed: { primary: 8, secondary: 0 },
    });
  });

  it('never uses the zeros next to a small cell as complements', () => {
    // 4 at (0,0) has zeros beside it at (0,1) and (1,0): the cheapest-looking rectangle is
    // worthless. From column 0 the only way out is down (2,0) = 25; from there along
    // (2,2) = 40 and back up (0,2) = 30: 95, against 25 + 11 + 18 + 22 + 30 = 106 through
    // row 1 and 25 + 76 + 34 = 135 through the row totals.
    expect(
      suppressTable({
        cells: [
          [4, 0, 30],
          [0, 18, 22],
          [25, 11, 40],
        ],
        threshold: 10,
      }),
    ).toEqual({
      cells: [
        [n, 0, n],
        [0, 18, 22],
        [n, 11, n],
      ],
      rowTotals: [34, 40, 76],
      columnTotals: [29, 29, 92],
      grandTotal: 150,
      suppressed: { primary: 1, secondary: 3 },
    });
  });

  describe('threshold', () => {
    const cells = [
      [2, 6, 30],
      [7, 40, 22],
      [25, 11, 40],
    ];

    it('threshold 3: only the 2 is small', () => {
      // Rectangles through (0,0): (2,0)+(2,1)+(0,1) = 25 + 11 + 6 = 42 is the cheapest
      // (7 + 40 + 6 = 53, 7 + 22 + 30 = 59, 25 + 40 + 30 = 95).
      expect(suppressTable({ cells, threshold: 3 })).toEqual({
        cells: [
          [n, n, 30],
          [7, 40, 22],
          [n, n, 40],
        ],
        rowTotals: [38, 69, 76],
        columnTotals: [34, 57, 92],
        grandTotal: 183,
        suppressed: { primary: 1, secondary: 3 },
      });
    });

    it('threshold 10 (the default): 2, 6 and 7 are small', () => {
      // 2 first: (2,0) + (2,1) = 36 closes a rectangle with the small 6 (cheaper than 40 via
      // (1,1) with the small 7). Then 7 at (1,0): back to row 1 via (1,1) = 40, the cheapest
      // (via (1,2)/(0,2) it is 52). Columns 0 and 1 end up hidden, every total published.
      const expected: SuppressedTable = {
        cells: [
          [n, n, 30],
          [n, n, 22],
          [n, n, 40],
        ],
        rowTotals: [38, 69, 76],
        columnTotals: [34, 57, 92],
        grandTotal: 183,
        suppressed: { primary: 3, secondary: 3 },
      };
      expect(suppressTable({ cells, threshold: 10 })).toEqual(expected);
      expect(suppressTable({ cells })).toEqual(expected);
    });

    it('refuses a threshold below 3 (or not an integer) with a RangeError', () => {
      for (const threshold of [2, 1, 0, -1, 2.5, 3.5, Number.NaN]) {
        expect(() => suppressTable({ cells, threshold })).toThrow(RangeError);
      }
      expect(() => suppressList([1, 2], 2)).toThrow(RangeError);
    });
  });

  it('refuses counts that are not non-negative integers, and ragged tables', () => {
    expect(() => suppressTable({ cells: [[1, -1]] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1, 1.5]] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1, 2], [3]] })).toThrow(RangeError);
  });

  it('returns an empty table as it is', () => {
    expect(suppressTable({ cells: [] })).toEqual({
      cells: [],
      rowTotals: [],
      columnTotals: [],
      grandTotal: 0,
      suppressed: { primary: 0, secondary: 0 },
    });
  });

  it('suppresses a 60 × 10 table well under 50 ms', () => {
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (const threshold of [10, 12, 41]) {
      const cells = Array.from({ length: 60 }, () => Array.from({ length: 10 }, () => next() % 41));
      suppressTable({ cells, threshold }); // warm-up
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const started = performance.now();
        suppressTable({ cells, threshold });
        best = Math.min(best, performance.now() - started);
      }
      expect(best).toBeLessThan(50);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Independent checkers, built differently from the implementation (which walks a residual
// graph): exact linear algebra over the table's relations, and a brute-force search for
// alternative tables.

type Position = { kind: 'cell'; i: number; j: number } | { kind: 'row'; i: number } | { kind: 'column'; j: number } | { kind: 'grand' };

interface Full {
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  grandTotal: number;
}

function full(cells: number[][]): Full {
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = (cells[0] ?? []).map((_, j) => cells.reduce((a, row) => a + row[j]!, 0));
  return { cells, rowTotals, columnTotals, grandTotal: rowTotals.reduce((a, b) => a + b, 0) };
}

function positions(rows: number, columns: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) out.push({ kind: 'cell', i, j });
  for (let i = 0; i < rows; i++) out.push({ kind: 'row', i });
  for (let j = 0; j < columns; j++) out.push({ kind: 'column', j });
  out.push({ kind: 'grand' });
  return out;
}

function valueAt(t: Full | SuppressedTable, p: Position): number | null {
  switch (p.kind) {
    case 'cell':
      return t.cells[p.i]![p.j]!;
    case 'row':
      return t.rowTotals[p.i]!;
    case 'column':
      return t.columnTotals[p.j]!;
    case 'grand':
      return t.grandTotal;
  }
}

function rank(matrix: bigint[][]): number {
  const m = matrix.map((row) => row.slice());
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let p = r;
    while (p < m.length && m[p]![c] === 0n) p++;
    if (p === m.length) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]!;
    for (let k = r + 1; k < m.length; k++) {
      const f = m[k]![c]!;
      if (f === 0n) continue;
      m[k] = m[k]!.map((x, j) => x * pivot[c]! - f * pivot[j]!);
    }
    r++;
  }
  return r;
}

/**
 * Suppressed positions whose value follows from the published ones by the linear relations
 * alone: e_k lies in the row space of the relation matrix restricted to the unknowns.
 */
function linearlyDetermined(out: SuppressedTable, rows: number, columns: number): Position[] {
  const unknown = positions(rows, columns).filter((p) => valueAt(out, p) === null);
  const index = (p: Position): number => unknown.findIndex((u) => JSON.stringify(u) === JSON.stringify(p));
  const relations: Array<Array<[Position, bigint]>> = [];
  for (let i = 0; i < rows; i++) {
    const terms: Array<[Position, bigint]> = [[{ kind: 'row', i }, -1n]];
    for (let j = 0; j < columns; j++) terms.push([{ kind: 'cell', i, j }, 1n]);
    relations.push(terms);
  }
  for (let j = 0; j < columns; j++) {
    const terms: Array<[Position, bigint]> = [[{ kind: 'column', j }, -1n]];
    for (let i = 0; i < rows; i++) terms.push([{ kind: 'cell', i, j }, 1n]);
    relations.push(terms);
  }
  const rowSum: Array<[Position, bigint]> = [[{ kind: 'grand' }, -1n]];
  for (let i = 0; i < rows; i++) rowSum.push([{ kind: 'row', i }, 1n]);
  const columnSum: Array<[Position, bigint]> = [[{ kind: 'grand' }, -1n]];
  for (let j = 0; j < columns; j++) columnSum.push([{ kind: 'column', j }, 1n]);
  relations.push(rowSum, columnSum);
  const matrix = relations.map((terms) => {
    const row = unknown.map(() => 0n);
    for (const [p, coefficient] of terms) {
      const k = index(p);
      if (k >= 0) row[k]! += coefficient;
    }
    return row;
  });
  const base = rank(matrix);
  return unknown.filter((_, k) => rank([...matrix, unknown.map((__, l) => (l === k ? 1n : 0n))]) === base);
}

/**
 * Brute force: is there a table of integers agreeing with every published value of `out`,
 * with every suppressed value ≥ 1, and with `w` at `target`? Hidden cells range over
 * 1..max+1 (a witness moved by one along a cycle stays in that box), nearest the truth first.
 */
function attainable(truth: Full, out: SuppressedTable, target: Position, w: number): boolean {
  const rows = truth.cells.length;
  const columns = truth.cells[0]!.length;
  const max = Math.max(...truth.cells.flat(), 0) + 1;
  const key = (p: Position): string => JSON.stringify(p);
  const required = new Map(positions(rows, columns).map((p) => [key(p), key(p) === key(target) ? w : valueAt(out, p)]));
  const rowRequired = truth.rowTotals.map((_, i) => required.get(key({ kind: 'row', i }))!);
  const columnRequired = truth.columnTotals.map((_, j) => required.get(key({ kind: 'column', j }))!);
  const hidden: Array<[number, number]> = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) if (out.cells[i]![j] === null) hidden.push([i, j]);
  const grid = truth.cells.map((row, i) => row.map((v, j) => (out.cells[i]![j] === null ? 0 : v)));
  // How many hidden cells of the same row / column come after the k-th.
  const rowLeft = hidden.map(([i], k) => hidden.slice(k + 1).filter(([r]) => r === i).length);
  const columnLeft = hidden.map(([, j], k) => hidden.slice(k + 1).filter(([, c]) => c === j).length);
  const totals = positions(rows, columns).filter((p) => p.kind !== 'cell');
  let budget = 2_000_000;
  const fits = (need: number | null, sum: number, open: number): boolean => {
    if (need === null) return open > 0 || sum >= 1;
    return open > 0 ? sum + open <= need : sum === need;
  };
  const search = (k: number): boolean => {
    if (--budget < 0) throw new Error('brute force budget exhausted');
    if (k === hidden.length) {
      const sums = full(grid);
      return totals.every((p) => fits(required.get(key(p))!, valueAt(sums, p)!, 0));
    }
    const [i, j] = hidden[k]!;
    const truthValue = truth.cells[i]![j]!;
    const isTarget = target.kind === 'cell' && target.i === i && target.j === j;
    const candidates = isTarget ? [w] : [truthValue, truthValue + 1, truthValue - 1];
    if (!isTarget) for (let v = 1; v <= max; v++) if (!candidates.includes(v)) candidates.push(v);
    for (const v of candidates) {
      if (v < 1) continue;
      grid[i]![j] = v;
      const rowSum = grid[i]!.reduce((a, b) => a + b, 0);
      const columnSum = grid.reduce((a, row) => a + row[j]!, 0);
      if (fits(rowRequired[i]!, rowSum, rowLeft[k]!) && fits(columnRequired[j]!, columnSum, columnLeft[k]!) && search(k + 1)) {
        return true;
      }
    }
    grid[i]![j] = 0;
    return false;
  };
  if (w < 1) return false;
  return search(0);
}

/** Is `line` (a total's cells) containing a cell ≥ 2 — the condition for a total to be lowerable at all. */
function lowerableAtAll(truth: Full, p: Position): boolean {
  const cells = truth.cells;
  switch (p.kind) {
    case 'cell':
      return true;
    case 'row':
      return cells[p.i]!.some((v) => v >= 2);
    case 'column':
      return cells.some((row) => row[p.j]! >= 2);
    case 'grand':
      return cells.flat().some((v) => v >= 2);
  }
}

function distinctQuantities(rows: number, columns: number): number {
  if (rows === 1 && columns === 1) return 1;
  if (rows === 1 || columns === 1) return rows * columns + 1;
  return rows * columns + rows + columns + 1;
}

/** Checks (a) primary suppression, zeros published, (c) published values true, and the counts. */
function checkBasics(cells: number[][], threshold: number, out: SuppressedTable): void {
  const truth = full(cells);
  const rows = cells.length;
  const columns = cells[0]!.length;
  for (const p of positions(rows, columns)) {
    const v = valueAt(truth, p)!;
    const shown = valueAt(out, p);
    if (v >= 1 && v < threshold) expect(shown).toBeNull();
    if (v === 0) expect(shown).toBe(0);
    if (shown !== null) expect(shown).toBe(v);
  }
  // Counting distinct values (a mirrored value of a one-dimensional table once).
  const distinct = (table: Full | SuppressedTable, test: (v: number | null) => boolean): number => {
    if (rows === 1 && columns === 1) return test(table.grandTotal) ? 1 : 0;
    const ps = positions(rows, columns).filter(
      (p) => !((rows === 1 && p.kind === 'column') || (columns === 1 && p.kind === 'row') || ((rows === 1 || columns === 1) && p.kind === 'grand')),
    );
    return ps.filter((p) => test(valueAt(table, p))).length;
  };
  expect(distinct(truth, () => true)).toBe(distinctQuantities(rows, columns));
  expect(out.suppressed.primary).toBe(distinct(truth, (v) => v !== null && v >= 1 && v < threshold));
  expect(out.suppressed.primary + out.suppressed.secondary).toBe(distinct(out, (v) => v === null));
}

const tableOf = (maxRows: number, maxColumns: number, maxValue: number): fc.Arbitrary<number[][]> =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
    .chain(([rows, columns]) =>
      fc.array(
        fc.array(
          fc.oneof({ arbitrary: fc.integer({ min: 0, max: maxValue }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 1 }),
          { minLength: columns, maxLength: columns },
        ),
        { minLength: rows, maxLength: rows },
      ),
    );

describe('suppressTable — properties', () => {
  it('hides every small value, publishes true values, and leaves nothing determined by the relations (up to 8 × 6)', () => {
    fc.assert(
      fc.property(tableOf(8, 6, 40), fc.integer({ min: 3, max: 12 }), (cells, threshold) => {
        const out = suppressTable({ cells, threshold });
        checkBasics(cells, threshold, out);
        expect(linearlyDetermined(out, cells.length, cells[0]!.length)).toEqual([]);
        expect(suppressTable({ cells, threshold })).toEqual(out); // deterministic
      }),
      { seed: 20250601, numRuns: 300 },
    );
  });

  it('leaves every hidden value movable even for a reader who knows hidden values are ≥ 1 (brute force, up to 3 × 4)', () => {
    fc.assert(
      fc.property(tableOf(3, 4, 8), fc.integer({ min: 3, max: 6 }), (cells, threshold) => {
        const out = suppressTable({ cells, threshold });
        checkBasics(cells, threshold, out);
        const truth = full(cells);
        for (const p of positions(cells.length, cells[0]!.length)) {
          if (valueAt(out, p) !== null) continue;
          const v = valueAt(truth, p)!;
          const up = attainable(truth, out, p, v + 1);
          if (v < threshold) {
            // Primary: ±1 protection (down as far as any suppression could allow).
            expect({ p, up }).toEqual({ p, up: true });
            if (v >= 2 && lowerableAtAll(truth, p)) expect({ p, down: attainable(truth, out, p, v - 1) }).toEqual({ p, down: true });
          } else {
            // Complement: not pinned.
            expect({ p, movable: up || attainable(truth, out, p, v - 1) }).toEqual({ p, movable: true });
          }
        }
      }),
      {
        seed: 20250602,
        numRuns: 300,
        examples: [
          [
            [
              [5, 8],
              [8, 1],
            ],
            6,
          ],
        ],
      },
    );
  });
});
