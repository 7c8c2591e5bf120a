import type { DataSource } from 'typeorm';
import { ageOn } from '@welfare-hub/codec';
import { shogaiFacts } from '@welfare-hub/adapter-shogai';
import { kodomoCasePeriods } from '@welfare-hub/adapter-kodomo';
import type { SubjectOnDay } from './funding-rule.js';

const within = (day: string, from: string | null, until: string | null): boolean =>
  (from === null || from <= day) && (until === null || day <= until);

/**
 * What the 按分 rule reads of the subjects of a month's activities, for the analysts' aggregate only (the answer is
 * counts, never a person): birth dates from the registry, 手帳 and 受給者証 periods from 障害, case categories from こども,
 * each through its own module's reader, loaded once for all the subjects of the month.
 */
export async function subjectAttributes(
  db: DataSource,
  personIds: readonly string[],
): Promise<(personId: string | null, day: string) => SubjectOnDay | null> {
  const ids = [...new Set(personIds)];
  const births = new Map<string, string>();
  if (ids.length > 0) {
    const rows: { atena_no: string; birth_date: string }[] = await db.query(
      `SELECT atena_no, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM juki.registered_person WHERE atena_no = ANY($1::text[])`,
      [ids],
    );
    for (const r of rows) births.set(r.atena_no, r.birth_date);
  }
  const [shogai, kodomo] = await Promise.all([shogaiFacts(db, ids), kodomoCasePeriods(db, ids)]);
  return (personId, day) => {
    if (personId === null) return null;
    const birth = births.get(personId);
    const certified = (shogai.get(personId)?.periods ?? []).some(
      (p) => (p.kind === 'TECHO' || p.kind === 'JUKYUSHA') && within(day, p.from, p.until),
    );
    const kodomoCategories = (kodomo.get(personId) ?? []).filter((c) => within(day, c.openedOn, c.closedOn)).map((c) => c.category);
    return { age: birth ? ageOn(birth, day) : null, certified, kodomoCategories };
  };
}
