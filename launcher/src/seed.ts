import type { DataSource } from 'typeorm';
import { DEMO_ORGANISATIONS, DEMO_STAFF, Register } from '@welfare-hub/subgraph-hub';

/** Adds the demo register's missing entries; what an admin changed stays changed. */
export async function seedDemoRegister(db: DataSource): Promise<void> {
  const register = new Register(db);
  for (const org of DEMO_ORGANISATIONS) await register.seedOrganisation(org);
  for (const staff of DEMO_STAFF) await register.seedStaff(staff);
}
