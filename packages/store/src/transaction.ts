import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction. Every statement inside must go through the given manager: on the
 * embedded store a statement issued on the DataSource itself would wait for the connection this
 * transaction holds.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}
