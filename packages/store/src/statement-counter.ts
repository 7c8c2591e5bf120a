import pg from 'pg';

export interface StatementCounter {
  /** Statements sent since the counter was made. */
  count(): number;
  /** Stops counting. */
  stop(): void;
}

/**
 * Counts every statement the store sends, to a server or to the embedded PGlite alike, where the driver sends it.
 * For measurements and tests (statements per household view must not grow with its members), never for service.
 */
export function countStatements(): StatementCounter {
  let statements = 0;
  const send = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof send;
  return {
    count: () => statements,
    stop: () => void (pg.Client.prototype.query = send),
  };
}
