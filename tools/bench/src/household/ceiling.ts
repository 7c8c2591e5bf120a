import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { kaigoProfiles } from '@welfare-hub/adapter-kaigo';
import { shogaiProfiles } from '@welfare-hub/adapter-shogai';
import { kodomoProfiles } from '@welfare-hub/adapter-kodomo';
import { konkyuProfiles } from '@welfare-hub/adapter-konkyu';
import { todayInTokyo } from '@welfare-hub/codec';
import { Policy, SECTORS, type Sector } from '@welfare-hub/policy';

/**
 * The ceiling: the same household view without federation, in one process and one request — the registry read and
 * its identity audit, every member's access, the real policy's decisions and audit (one batch), and each granted sector's profiles —
 * answered as JSON over plain HTTP. What the federated path is measured against.
 */
export async function startCeiling(db: DataSource, port: number, viewer: { staffId: string; orgId: string }): Promise<Server> {
  const policy = new Policy(db);
  const loaders: Record<Sector, (ids: string[]) => Promise<Map<string, unknown>>> = {
    KAIGO: (ids) => kaigoProfiles(db, ids, todayInTokyo()),
    SHOGAI: (ids) => shogaiProfiles(db, ids, todayInTokyo()),
    KODOMO: (ids) => kodomoProfiles(db, ids),
    KONKYU: (ids) => konkyuProfiles(db, ids),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', async () => {
        try {
          const { h, meetingId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { h: string; meetingId: string };
          const rp = policy.forRequest({ viewer: { ...viewer, roles: [] }, meetingId, requestId: randomUUID() });
          const members: { id: string; name: string; birth_date: string }[] = await db.query(
            `SELECT atena_no AS id, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM juki.person WHERE setai_no = $1 AND resident_status = 1`,
            [h],
          );
          const ids = members.map((m) => m.id);
          // The members' identity reads are audited as the juki subgraph does, beside the decisions.
          const [access] = await Promise.all([
            Promise.all(ids.map((id) => rp.access(id))),
            rp.recordIdentityReads(ids.map((personId) => ({ personId, action: 'READ' as const, protected: false }))),
          ]);
          const profiles = await Promise.all(
            SECTORS.map(async (sector) => {
              const decisions = await Promise.all(ids.map((id) => rp.decide(id, sector)));
              const granted = ids.filter((_, i) => decisions[i]!.status === 'GRANTED');
              return granted.length ? loaders[sector]!(granted) : new Map();
            }),
          );
          const body = members.map((m, i) => ({
            ...m,
            access: access[i],
            ...Object.fromEntries(SECTORS.map((s, k) => [s.toLowerCase(), profiles[k]!.get(m.id) ?? null])),
          }));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { household: { members: body } } }));
        } catch {
          res.writeHead(500).end();
        }
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
