/**
 * Statistical disclosure control for the count tables planners receive (households per
 * district × situation kind and the like): cell suppression with published totals.
 *
 * Contract: a count from 1 to threshold − 1 (default 10) is suppressed, and so are as many
 * other values as it takes that no suppressed count can be worked out from the published
 * values and the totals.
 *
 * Model. An R × C table (R, C ≥ 2) with its row totals, column totals and grand total is a
 * circulation on a small directed graph: nodes are the rows, a "total row", the columns and
 * a "total column"; a cell (i, j) is an arc row i → column j, a column total an arc
 * column j → total row, the grand total an arc total row → total column, a row total an arc
 * total column → row i. Flow is conserved at every node exactly when every row, column and
 * the totals add up. A reader who knows the published values and that every suppressed
 * value is an integer ≥ 1 (zeros are always published, so a reader knows a suppressed
 * value is not 0) can move a suppressed value e up by one exactly when the published data
 * admit another table in which e is larger, i.e. when e's arc lies on a cycle of the
 * residual graph of the suppressed values (forward along any suppressed arc; backward along
 * a suppressed arc of value ≥ 2, so it stays ≥ 1). Down by one likewise with e's arc
 * reversed. This is exact for integer tables (flow decomposition).
 *
 * GUARANTEE (what `suppressTable` ensures, checked by the tests against a brute force):
 *  1. Every value (cell, row total, column total, grand total) in 1..threshold−1 is
 *     suppressed; 0 is always published, values ≥ threshold unless chosen as complements;
 *     published values equal the input.
 *  2. No suppressed value is determined by the linear relations (in graph terms: no
 *     suppressed value is a bridge of the graph of suppressed values) — and more: for every
 *     suppressed value v there is a table of non-negative integers that agrees with every
 *     published value, has every suppressed value ≥ 1, and has v + 1 or v − 1 in v's place
 *     (for a primary value: v + 1, see 3 for v − 1). So a reader cannot pin any suppressed
 *     value, even knowing that zeros are never suppressed.
 *  3. Every primary (small) value v ≥ 2 can also be v − 1 in such a table whenever any
 *     suppression pattern at all allows it: always for a cell; for a row or column total
 *     when one of its cells is ≥ 2, for the grand total when any cell is ≥ 2. (A row [1, 1]
 *     has a total of at least 2 whatever one hides, since hidden values are not 0.) So a
 *     primary value is never pinned to a range narrower than [max(1, v − 1), v + 1] — the
 *     ±1 protection, with 0 left out because a reader knows hidden values are not 0.
 *
 * Complements are chosen greedily by least information loss: for each requirement not yet
 * met (primary values first, in row-major order: cells, row totals, column totals, grand
 * total, up then down), the cheapest
 * residual path that meets it is suppressed, where the cost of a path is the sum of the
 * published values it newly suppresses (then the number of them); zeros are never
 * suppressed. Ties go to the path found first scanning in the same row-major order (inner
 * cells before totals).
 *
 * One-dimensional tables: a list is a 1 × n or n × 1 table. In a single row the column
 * totals are the cells themselves (and the row total is the grand total); in a single
 * column the row totals are the cells. Such a mirrored value is one quantity: it is
 * suppressed or published together with its twin and counted once, and the only relation
 * left is "the entries add up to the total". A 1 × 1 table is a single value with no
 * relation at all.
 */

export interface SuppressionInput {
  /** Rows × columns of non-negative integer counts (rectangular). A list is one row or one column. */
  cells: readonly (readonly number[])[];
  /** Smallest count that may be published. Default 10; below 3 is refused (RangeError). */
  threshold?: number;
}

export interface SuppressedTable {
  /** `null` = suppressed. */
  cells: (number | null)[][];
  /** Sum of each row (`null` = suppressed). In a single column these mirror the cells. */
  rowTotals: (number | null)[];
  /** Sum of each column (`null` = suppressed). In a single row these mirror the cells. */
  columnTotals: (number | null)[];
  grandTotal: number | null;
  /**
   * How many distinct values were suppressed: `primary` for being in 1..threshold−1,
   * `secondary` as complements. A mirrored value of a one-dimensional table counts once.
   */
  suppressed: { primary: number; secondary: number };
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 10;
export const MIN_SUPPRESSION_THRESHOLD = 3;

/** A single list of counts with its published total: a 1 × n table, shaped as a list. */
export function suppressList(
  counts: readonly number[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): { counts: (number | null)[]; total: number | null; suppressed: { primary: number; secondary: number } } {
  if (!Array.isArray(counts)) throw new TypeError('counts must be an array of non-negative integers');
  const table = suppressTable({ cells: [counts], threshold });
  return { counts: table.cells[0] ?? [], total: table.grandTotal, suppressed: table.suppressed };
}

/** One published or suppressed value: an arc tail → head of the table's graph. */
interface Quantity {
  value: number;
  tail: number;
  head: number;
}

interface Layout {
  nodes: number;
  quantities: Quantity[];
  /** Index into `quantities` of each cell, row total, column total and the grand total. */
  cell: number[][];
  row: number[];
  column: number[];
  grand: number;
}

export function suppressTable(input: SuppressionInput): SuppressedTable {
  const threshold = input.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  if (!Number.isSafeInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new RangeError(`threshold must be an integer of at least ${MIN_SUPPRESSION_THRESHOLD}, got ${threshold}`);
  }
  const cells = validate(input.cells);
  const rows = cells.length;
  const columns = rows === 0 ? 0 : (cells[0] as readonly number[]).length;
  if (rows === 0 || columns === 0) {
    return {
      cells: cells.map(() => []),
      rowTotals: cells.map(() => 0),
      columnTotals: [],
      grandTotal: 0,
      suppressed: { primary: 0, secondary: 0 },
    };
  }

  const layout = buildLayout(cells, rows, columns);
  const { quantities } = layout;
  const n = quantities.length;
  const suppressed = new Uint8Array(n);
  const primary: number[] = [];
  for (let q = 0; q < n; q++) {
    const v = (quantities[q] as Quantity).value;
    if (v >= 1 && v < threshold) {
      suppressed[q] = 1;
      primary.push(q);
    }
  }

  if (primary.length > 0) {
    const graph = new ResidualGraph(layout.nodes, quantities, suppressed);
    // Whether a primary value can be lowered at all must be judged before anything is added.
    const lowerable = primary.map((q) => (quantities[q] as Quantity).value >= 2 && graph.canLower(q, true));
    primary.forEach((q, k) => {
      graph.ensureRaise(q);
      if (lowerable[k]) graph.ensureLower(q);
    });
    // Complements need no pass of their own: each lies on the cycle that was pushed to move
    // its primary, forward (it can go up) or backward with a value ≥ 2 (it can go down).
  }

  const show = (q: number): number | null => (suppressed[q] === 1 ? null : (quantities[q] as Quantity).value);
  let total = 0;
  for (let q = 0; q < n; q++) total += suppressed[q] as number;
  return {
    cells: layout.cell.map((row) => row.map(show)),
    rowTotals: layout.row.map(show),
    columnTotals: layout.column.map(show),
    grandTotal: show(layout.grand),
    suppressed: { primary: primary.length, secondary: total - primary.length },
  };
}

function validate(cells: unknown): readonly (readonly number[])[] {
  if (!Array.isArray(cells)) throw new TypeError('cells must be an array of rows');
  let width = -1;
  let sum = 0;
  for (const row of cells as unknown[]) {
    if (!Array.isArray(row)) throw new TypeError('cells must be an array of rows');
    if (width === -1) width = row.length;
    else if (row.length !== width) throw new RangeError('cells must be rectangular: every row the same length');
    for (const v of row as unknown[]) {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        throw new RangeError(`counts must be non-negative integers, got ${String(v)}`);
      }
      sum += v;
    }
  }
  if (!Number.isSafeInteger(sum)) throw new RangeError('the grand total is too large');
  return cells as readonly (readonly number[])[];
}

function buildLayout(cells: readonly (readonly number[])[], rows: number, columns: number): Layout {
  const at = (i: number, j: number): number => (cells[i] as readonly number[])[j] as number;
  const quantities: Quantity[] = [];
  const add = (value: number, tail: number, head: number): number => quantities.push({ value, tail, head }) - 1;
  let grandValue = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) grandValue += at(i, j);

  if (rows === 1 && columns === 1) {
    // A single value: no relation constrains it (a loop is never a bridge).
    const q = add(at(0, 0), 0, 0);
    return { nodes: 1, quantities, cell: [[q]], row: [q], column: [q], grand: q };
  }
  if (rows === 1 || columns === 1) {
    // A list: entries P → Q, the total Q → P; the mirrored margins are the entries.
    const length = rows === 1 ? columns : rows;
    const entries: number[] = [];
    for (let k = 0; k < length; k++) entries.push(add(rows === 1 ? at(0, k) : at(k, 0), 0, 1));
    const total = add(grandValue, 1, 0);
    return rows === 1
      ? { nodes: 2, quantities, cell: [entries], row: [total], column: entries, grand: total }
      : { nodes: 2, quantities, cell: entries.map((q) => [q]), row: entries, column: [total], grand: total };
  }

  // Nodes: rows 0..R−1, total row R, columns R+1..R+C, total column R+C+1.
  const totalRow = rows;
  const col = (j: number): number => rows + 1 + j;
  const totalColumn = rows + columns + 1;
  const cell: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const line: number[] = [];
    for (let j = 0; j < columns; j++) line.push(add(at(i, j), i, col(j)));
    cell.push(line);
  }
  const row: number[] = [];
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < columns; j++) s += at(i, j);
    row.push(add(s, totalColumn, i));
  }
  const column: number[] = [];
  for (let j = 0; j < columns; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += at(i, j);
    column.push(add(s, col(j), totalRow));
  }
  const grand = add(grandValue, totalRow, totalColumn);
  return { nodes: rows + columns + 2, quantities, cell, row, column, grand };
}

/**
 * The residual graph of the current suppression. Arc `2q` is quantity q forward (tail → head,
 * the value grows), arc `2q + 1` backward (head → tail, the value shrinks; only if value ≥ 2).
 * Zeros have no arcs: they are never suppressed.
 */
class ResidualGraph {
  /** Arcs leaving node v: `arcs[start[v]] .. arcs[start[v + 1] - 1]`. */
  private readonly start: Int32Array;
  private readonly arcs: Int32Array;
  /** The node an arc leads to. */
  private readonly target: Int32Array;
  private readonly seen: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  constructor(
    private readonly nodes: number,
    private readonly quantities: readonly Quantity[],
    private readonly suppressed: Uint8Array,
  ) {
    const n = quantities.length;
    this.target = new Int32Array(2 * n);
    const degree = new Int32Array(nodes + 1);
    quantities.forEach(({ value, tail, head }, q) => {
      this.target[2 * q] = head;
      this.target[2 * q + 1] = tail;
      if (value >= 1) degree[tail] = (degree[tail] as number) + 1;
      if (value >= 2) degree[head] = (degree[head] as number) + 1;
    });
    this.start = new Int32Array(nodes + 1);
    for (let v = 0; v < nodes; v++) this.start[v + 1] = (this.start[v] as number) + (degree[v] as number);
    this.arcs = new Int32Array(this.start[nodes] as number);
    const fill = this.start.slice(0, nodes);
    const put = (node: number, arc: number): void => {
      this.arcs[fill[node] as number] = arc;
      fill[node] = (fill[node] as number) + 1;
    };
    quantities.forEach(({ value, tail, head }, q) => {
      if (value >= 1) put(tail, 2 * q);
      if (value >= 2) put(head, 2 * q + 1);
    });
    this.seen = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
  }

  /** Can q be lowered by one (with everything non-zero suppressed if `anything`)? */
  canLower(q: number, anything: boolean): boolean {
    const { tail, head } = this.quantities[q] as Quantity;
    return this.reaches(tail, head, q, anything);
  }

  /** Makes q raisable by one if it is not; true if something was suppressed. */
  ensureRaise(q: number): boolean {
    const { tail, head } = this.quantities[q] as Quantity;
    if (this.reaches(head, tail, q, false)) return false;
    this.suppressPath(this.cheapestPath(head, tail, q));
    return true;
  }

  /** Makes q lowerable by one if it is not; true if something was suppressed. */
  ensureLower(q: number): boolean {
    const { tail, head } = this.quantities[q] as Quantity;
    if (this.reaches(tail, head, q, false)) return false;
    this.suppressPath(this.cheapestPath(tail, head, q));
    return true;
  }

  private suppressPath(path: Path | null): void {
    // Unreachable by construction: a positive circulation puts every positive arc on a cycle
    // of forward arcs, and lowering is only asked for when it is possible with everything
    // non-zero suppressed.
    if (path === null) throw new Error('suppression: no complement exists (internal error)');
    for (const q of path.quantities) this.suppressed[q] = 1;
  }

  /** Breadth-first search over suppressed arcs other than `except`'s. */
  private reaches(from: number, to: number, except: number, anything: boolean): boolean {
    if (from === to) return true;
    const { start, arcs, target, seen, queue, suppressed } = this;
    const stamp = ++this.stamp;
    seen[from] = stamp;
    queue[0] = from;
    let length = 1;
    for (let k = 0; k < length; k++) {
      const node = queue[k] as number;
      const end = start[node + 1] as number;
      for (let a = start[node] as number; a < end; a++) {
        const arc = arcs[a] as number;
        const q = arc >> 1;
        if (q === except || (!anything && suppressed[q] !== 1)) continue;
        const next = target[arc] as number;
        if (next === to) return true;
        if (seen[next] !== stamp) {
          seen[next] = stamp;
          queue[length++] = next;
        }
      }
    }
    return false;
  }

  /**
   * Dijkstra from `from` to `to` avoiding `except`: suppressed arcs are free, a published arc
   * costs its value. Returns the published quantities on the cheapest path (least total
   * value, then fewest), or null if there is none.
   */
  private cheapestPath(from: number, to: number, except: number): Path | null {
    const cost = new Float64Array(this.nodes).fill(Infinity);
    const count = new Float64Array(this.nodes).fill(Infinity);
    const via = new Int32Array(this.nodes).fill(-1);
    const done = new Uint8Array(this.nodes);
    cost[from] = 0;
    count[from] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < this.nodes; v++) {
        if (done[v] === 1 || cost[v] === Infinity) continue;
        if (u === -1 || better(cost[v] as number, count[v] as number, cost[u] as number, count[u] as number)) u = v;
      }
      if (u === -1) return null;
      if (u === to) break;
      done[u] = 1;
      const end = this.start[u + 1] as number;
      for (let a = this.start[u] as number; a < end; a++) {
        const arc = this.arcs[a] as number;
        const q = arc >> 1;
        if (q === except) continue;
        const free = this.suppressed[q] === 1;
        const next = this.target[arc] as number;
        if (done[next] === 1) continue;
        const c = (cost[u] as number) + (free ? 0 : (this.quantities[q] as Quantity).value);
        const k = (count[u] as number) + (free ? 0 : 1);
        if (better(c, k, cost[next] as number, count[next] as number)) {
          cost[next] = c;
          count[next] = k;
          via[next] = arc;
        }
      }
    }
    const path: number[] = [];
    for (let v = to; v !== from;) {
      const arc = via[v] as number;
      const q = arc >> 1;
      if (this.suppressed[q] !== 1) path.push(q);
      v = this.target[arc ^ 1] as number;
    }
    return { quantities: path, cost: cost[to] as number, count: count[to] as number };
  }
}

interface Path {
  /** The published quantities on the path, to be suppressed. */
  quantities: number[];
  cost: number;
  count: number;
}

function better(cost: number, count: number, thanCost: number, thanCount: number): boolean {
  return cost < thanCost || (cost === thanCost && count < thanCount);
}
