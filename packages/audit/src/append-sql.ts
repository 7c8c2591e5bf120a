/**
 * The append as one statement. `canonical` must stay byte for byte what chain.ts's entryHash hashes:
 * JSON.stringify([id, at, requestId, staffId, orgId, personId, sector, status, basis ?? '', reference ?? '', purpose]),
 * and to_json(text) escapes a string as JSON.stringify does (", \\, control characters as \\b \\f \\n \\r \\t or
 * \\u00xx, everything else as is). A test appends awkward strings this way and verifies them in JS.
 */
export const APPEND = `
WITH RECURSIVE head AS (
  SELECT last_id, last_hash FROM audit.head FOR UPDATE
), input AS (
  SELECT ordinality AS n, e.value AS v FROM json_array_elements($1::json) WITH ORDINALITY AS e
), canonical AS (
  SELECT i.n, i.v, h.last_id + i.n AS id,
    '[' || to_json((h.last_id + i.n)::text)::text || ',' || to_json(i.v->>'at')::text || ',' || to_json(i.v->>'request_id')::text || ','
        || to_json(i.v->>'staff_id')::text || ',' || to_json(i.v->>'org_id')::text || ',' || to_json(i.v->>'person_id')::text || ','
        || to_json(i.v->>'sector')::text || ',' || to_json(i.v->>'status')::text || ',' || to_json(coalesce(i.v->>'basis', ''))::text || ','
        || to_json(coalesce(i.v->>'reference', ''))::text || ',' || to_json(i.v->>'purpose')::text || ']' AS fields
  FROM input i CROSS JOIN head h
), chain AS (
  SELECT c.n, c.id, c.v, h.last_hash AS prev_hash, encode(sha256(convert_to(h.last_hash || E'\\n' || c.fields, 'UTF8')), 'hex') AS hash
  FROM canonical c CROSS JOIN head h WHERE c.n = 1
  UNION ALL
  SELECT c.n, c.id, c.v, p.hash, encode(sha256(convert_to(p.hash || E'\\n' || c.fields, 'UTF8')), 'hex')
  FROM chain p JOIN canonical c ON c.n = p.n + 1
), added AS (
  INSERT INTO audit.entry (id, at, request_id, staff_id, org_id, person_id, sector, status, basis, reference, purpose, prev_hash, hash)
  SELECT id, (v->>'at')::timestamptz, v->>'request_id', v->>'staff_id', v->>'org_id', v->>'person_id', v->>'sector', v->>'status',
         v->>'basis', v->>'reference', v->>'purpose', prev_hash, hash
  FROM chain
  RETURNING id, hash
)
UPDATE audit.head SET last_id = (SELECT max(id) FROM added), last_hash = (SELECT hash FROM added ORDER BY id DESC LIMIT 1)
`;
