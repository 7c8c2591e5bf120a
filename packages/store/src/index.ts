export { openStore, type Store, type StoreOptions } from './open-store.js';
export { openTestStore, createTestDatabase, type TestDatabase } from './test-store.js';
export { inTransaction } from './transaction.js';
export { preparedQuery } from './prepared.js';
export { countStatements, type StatementCounter } from './statement-counter.js';
export { type StoreEvents } from './events.js';
