import { sign, verify, type KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditSigningKey } from './signing-key.js';

/** A signed statement "the chain's entry N has hash H", made at a time; what the database alone cannot forge. */
export interface Checkpoint {
  entryId: string;
  entryHash: string;
  signedAt: Date;
  keyId: string;
  signature: string;
}

function statement(entryId: string, entryHash: string, signedAt: Date): Buffer {
  return Buffer.from(`welfare-hub audit checkpoint\n${entryId}\n${entryHash}\n${signedAt.toISOString()}`, 'utf8');
}

export function checkpointSignatureFits(c: Checkpoint, trusted: ReadonlyMap<string, KeyObject>): boolean {
  const key = trusted.get(c.keyId);
  if (!key) return false;
  try {
    return verify(null, statement(c.entryId, c.entryHash, c.signedAt), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export function checkpointFromRow(r: Record<string, unknown>): Checkpoint {
  return {
    entryId: r['entry_id'] as string, entryHash: r['entry_hash'] as string, signedAt: r['signed_at'] as Date,
    keyId: r['key_id'] as string, signature: r['signature'] as string,
  };
}

/**
 * Signs the chain's head when it has moved since the last checkpoint. Only the process holding the signing
 * key runs this (the hub subgraph); the appenders never see the key.
 */
export async function signCheckpoint(db: DataSource, key: AuditSigningKey, now = new Date()): Promise<Checkpoint | null> {
  const [head]: { last_id: string; last_hash: string }[] = await db.query(`SELECT last_id::text, last_hash FROM audit.head`);
  if (!head || head.last_id === '0') return null;
  const [last]: { entry_id: string }[] = await db.query(`SELECT max(entry_id)::text AS entry_id FROM audit.checkpoint`);
  if (last?.entry_id === head.last_id) return null;
  const checkpoint: Checkpoint = {
    entryId: head.last_id, entryHash: head.last_hash, signedAt: now, keyId: key.keyId,
    signature: sign(null, statement(head.last_id, head.last_hash, now), key.privateKey).toString('base64'),
  };
  await db.query(
    `INSERT INTO audit.checkpoint (entry_id, entry_hash, signed_at, key_id, signature)
     SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM audit.checkpoint WHERE entry_id = $1)`,
    [checkpoint.entryId, checkpoint.entryHash, checkpoint.signedAt, checkpoint.keyId, checkpoint.signature],
  );
  return checkpoint;
}
