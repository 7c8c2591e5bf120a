/**
 * The append as one statement: move the head from where the writer saw it ($4, $5) to the last new entry ($2, $3)
 * and insert the entries ($1, JSON, one parameter: the driver serialises it natively) only if that move happened.
 * Returns how many went in: all of them, or none when another writer moved the head first.
 */
export const APPEND = `
WITH moved AS (
  UPDATE audit.head SET last_id = $2, last_hash = $3 WHERE last_id = $4 AND last_hash = $5 RETURNING 1
), added AS (
  INSERT INTO audit.entry (id, at, request_id, staff_id, org_id, person_id, sector, status, basis, reference, purpose, action, protected, prev_hash, hash)
  SELECT e.id, e.at, e.request_id, e.staff_id, e.org_id, e.person_id, e.sector, e.status, e.basis, e.reference, e.purpose, e.action, e.protected,
    e.prev_hash, e.hash
  FROM json_to_recordset($1::json) AS e(id bigint, at timestamptz, request_id text, staff_id text, org_id text, person_id text, sector text,
    status text, basis text, reference text, purpose text, action text, protected boolean, prev_hash text, hash text)
  WHERE EXISTS (SELECT 1 FROM moved)
  RETURNING 1
)
SELECT count(*)::int AS n FROM added`;
