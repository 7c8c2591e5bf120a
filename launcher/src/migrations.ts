import type { MigrationInterface } from 'typeorm';
import { ingestMigrations } from '@welfare-hub/ingest';
import { hubMigrations } from '@welfare-hub/subgraph-hub';
import { jukiMigrations } from '@welfare-hub/adapter-juki';
import { linkageMigrations } from '@welfare-hub/linkage';
import { auditMigrations } from '@welfare-hub/audit';
import { analyticsMigrations } from '@welfare-hub/analytics';
import { contextMigrations } from '@welfare-hub/context';
import { casesMigrations } from '@welfare-hub/subgraph-cases';
import { SECTOR_MODULES } from './sectors.js';

/** Every module's migrations, each built-in sector's among them; TypeORM orders them by their timestamps. */
export const allMigrations: (new () => MigrationInterface)[] = [
  ...ingestMigrations,
  ...hubMigrations,
  ...jukiMigrations,
  ...linkageMigrations,
  ...auditMigrations,
  ...analyticsMigrations,
  ...contextMigrations,
  ...casesMigrations,
  ...SECTOR_MODULES.flatMap((m) => m.migrations),
];
