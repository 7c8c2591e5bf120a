import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the kodomo system says and the first copy dropped: each child's guardians, and whether a case is registered with
 * the 要保護児童対策地域協議会. Rows read before this are unknown (null) until the next read, and withheld meanwhile as if
 * registered: the safe side of the contract's access rule 4.
 */
export class KodomoYoutaikyo1763800013100 implements MigrationInterface {
  name = 'KodomoYoutaikyo1763800013100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE kodomo.child ADD COLUMN guardians jsonb NOT NULL DEFAULT '[]'`);
    await db.query(`ALTER TABLE kodomo.case ADD COLUMN youtaikyo_registered boolean`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE kodomo.case DROP COLUMN youtaikyo_registered`);
    await db.query(`ALTER TABLE kodomo.child DROP COLUMN guardians`);
  }
}
