import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What other modules read of the registry: views, so that juki.person stays juki's to change, and what "current
 * resident" and "世帯主" mean is written here once instead of in every reader (the policy, linkage, analytics, the cases
 * and hub subgraphs). Simple views: the planner inlines them, so a reader's statement keeps its indexes and plan.
 */
export class JukiViews1763800013400 implements MigrationInterface {
  name = 'JukiViews1763800013400';

  async up(db: QueryRunner): Promise<void> {
    // Every 宛名番号 the registry has delivered, current or not: linkage matches removed residents too (a sector may
    // still hold their case), and an age or a consent is about a person whether or not they still live here.
    await db.query(`
      CREATE VIEW juki.registered_person AS
        SELECT atena_no, setai_no, relationship_code, name, kana_key, birth_date, sex, district, address,
          resident_status = 1 AS current_resident
        FROM juki.person`);
    // Current residents (住民状態 1), each with whether they are their 世帯's 世帯主 (続柄 01).
    await db.query(`
      CREATE VIEW juki.current_resident AS
        SELECT atena_no, setai_no, relationship_code, name, kana_key, birth_date, sex, district, address,
          relationship_code = '01' AS household_head
        FROM juki.person WHERE resident_status = 1`);
    // Each 世帯 with a current resident, and where it is: its 世帯主's district and address, or, when the 世帯主 has
    // left, the current member's first in 続柄 then 宛名番号 order (as the juki subgraph's Household answers).
    await db.query(`
      CREATE VIEW juki.current_household AS
        SELECT DISTINCT ON (setai_no) setai_no, atena_no AS anchor_atena_no, district, address
        FROM juki.current_resident
        ORDER BY setai_no, household_head DESC, relationship_code, atena_no`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW juki.current_household, juki.current_resident, juki.registered_person`);
  }
}
