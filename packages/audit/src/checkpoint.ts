import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { AuditSigningKey } from './signing-key.js';

export const NO_DIGEST = '0'.repeat(64);

/**
 * A signed head: "the chain's entry N has hash H", made at a time. Version 2 (a transparency log's signed tree head)
 * also states how many entries the log has held (ids are dense from 1, so N) and the digest of the checkpoint signed
 * before it, so that the checkpoints form a chain of their own: one removed from the middle no longer fits the next.
 * Version 1, written before, states the head only.
 */
export interface Checkpoint {
  version: 1 | 2;
  entryId: string;
  entryHash: string;
  signedAt: Date;
  keyId: string;
  signature: string;
  /** Version 2: the entries the log has ever held at this head (= entryId). */
  entries: string | null;
  /** Version 2: the digest of the checkpoint before this one (NO_DIGEST for the first). */
  prevDigest: string | null;
}

function statement(c: Omit<Checkpoint, 'signature' | 'keyId'>): Buffer {
  const text =
    c.version === 1
      ? `welfare-hub audit checkpoint\n${c.entryId}\n${c.entryHash}\n${c.signedAt.toISOString()}`
      : `welfare-hub audit checkpoint v2\n${c.entryId}\n${c.entryHash}\n${c.entries}\n${c.prevDigest}\n${c.signedAt.toISOString()}`;
  return Buffer.from(text, 'utf8');
}

/** What the next checkpoint commits to: the statement and its signature, hashed. */
export function checkpointDigest(c: Checkpoint): string {
  return createHash('sha256').update(statement(c)).update('\n').update(c.signature).digest('hex');
}

export function checkpointSignatureFits(c: Checkpoint, trusted: ReadonlyMap<string, KeyObject>): boolean {
  const key = trusted.get(c.keyId);
  if (!key) return false;
  if (c.version === 2 && (c.entries !== c.entryId || c.prevDigest === null)) return false;
  try {
    return verify(null, statement(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export function signHead(head: { entryId: string; entryHash: string }, prevDigest: string, key: AuditSigningKey, signedAt: Date): Checkpoint {
  const unsigned = { version: 2 as const, entryId: head.entryId, entryHash: head.entryHash, signedAt, entries: head.entryId, prevDigest };
  return { ...unsigned, keyId: key.keyId, signature: sign(null, statement(unsigned), key.privateKey).toString('base64') };
}

export const CHECKPOINT_COLUMNS = 'version, entry_id::text, entry_hash, entries::text, prev_digest, signed_at, key_id, signature';

export function checkpointFromRow(r: Record<string, unknown>): Checkpoint {
  return {
    version: Number(r['version'] ?? 1) === 2 ? 2 : 1,
    entryId: r['entry_id'] as string,
    entryHash: r['entry_hash'] as string,
    signedAt: new Date(r['signed_at'] as Date | string),
    keyId: r['key_id'] as string,
    signature: r['signature'] as string,
    entries: (r['entries'] as string | null) ?? null,
    prevDigest: (r['prev_digest'] as string | null) ?? null,
  };
}

export function checkpointToJson(c: Checkpoint): Record<string, string | number | null> {
  return {
    v: c.version,
    entryId: c.entryId,
    entryHash: c.entryHash,
    entries: c.entries,
    prevDigest: c.prevDigest,
    signedAt: c.signedAt.toISOString(),
    keyId: c.keyId,
    signature: c.signature,
  };
}

/** A checkpoint as checkpointToJson wrote it; null when the shape is not one. */
export function checkpointFromJson(value: unknown): Checkpoint | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  const text = (k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string) : null);
  const [entryId, entryHash, signedAt, keyId, signature] = [text('entryId'), text('entryHash'), text('signedAt'), text('keyId'), text('signature')];
  if (!entryId || !/^\d+$/.test(entryId) || !entryHash || !signedAt || !keyId || !signature || (o['v'] !== 1 && o['v'] !== 2)) return null;
  const at = new Date(signedAt);
  if (Number.isNaN(at.getTime())) return null;
  return { version: o['v'], entryId, entryHash, signedAt: at, keyId, signature, entries: text('entries'), prevDigest: text('prevDigest') };
}

/** A signed head to keep apart from the hub (print it, file it) and check the log against later: `whub-head.` + base64url JSON. */
export function exportCheckpoint(c: Checkpoint): string {
  return `whub-head.${Buffer.from(JSON.stringify(checkpointToJson(c)), 'utf8').toString('base64url')}`;
}

export function importCheckpoint(exported: string): Checkpoint | null {
  const match = /^whub-head\.([A-Za-z0-9_-]+)$/.exec(exported.trim());
  if (!match) return null;
  try {
    return checkpointFromJson(JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
}
