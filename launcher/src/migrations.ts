import type { MigrationInterface } from 'typeorm';
import { ingestMigrations } from '@welfare-hub/ingest';
import { hubMigrations } from '@welfare-hub/subgraph-hub';
import { jukiMigrations } from '@welfare-hub/adapter-juki';
import { linkageMigrations } from '@welfare-hub/linkage';
import { shogaiMigrations } from '@welfare-hub/adapter-shogai';
import { konkyuMigrations } from '@welfare-hub/adapter-konkyu';
import { kodomoMigrations } from '@welfare-hub/adapter-kodomo';
import { kaigoMigrations } from '@welfare-hub/adapter-kaigo';
import { auditMigrations } from '@welfare-hub/audit';
import { analyticsMigrations } from '@welfare-hub/analytics';
import { contextMigrations } from '@welfare-hub/context';
import { casesMigrations } from '@welfare-hub/subgraph-cases';

/** Every module's migrations; TypeORM orders them by their timestamps. */
export const allMigrations: (new () => MigrationInterface)[] = [
  ...ingestMigrations,
  ...hubMigrations,
  ...jukiMigrations,
  ...linkageMigrations,
  ...shogaiMigrations,
  ...konkyuMigrations,
  ...kodomoMigrations,
  ...kaigoMigrations,
  ...auditMigrations,
  ...analyticsMigrations,
  ...contextMigrations,
  ...casesMigrations,
];
