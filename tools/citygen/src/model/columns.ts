type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A bigger copy of a column; the columns of a table grow together, by half again each time. */
export function grown<T extends TypedArray>(column: T, capacity: number): T {
  const next = new (column.constructor as new (n: number) => T)(capacity);
  next.set(column);
  return next;
}
