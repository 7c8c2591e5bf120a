/**
 * Ports for the hubs a test file starts. Jest runs files in two workers at once (JEST_WORKER_ID 1, 2, …): each worker
 * gets its own range, so two files never ask for the same port; a developer's own `npm start` (4000…) is outside them.
 * Each call gives a block of 20 (a gateway and every subgraph the hub composes, with room for more).
 */
const WORKER = Number(process.env['JEST_WORKER_ID'] ?? '1');
let nextBlock = 0;

export function portBlock(): number {
  // 41000 + 2,000 per worker: 100 blocks of 20 per worker, far more than one file starts. Where in its range a file
  // begins varies with the process, so a hub a crashed earlier run left behind is unlikely to hold the same ports.
  return 41000 + ((WORKER - 1) % 10) * 2000 + ((process.pid + nextBlock++) % 100) * 20;
}
