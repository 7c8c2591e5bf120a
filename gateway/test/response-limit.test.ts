import { startGatewayOverStandIns, type GatewayOverStandIns } from './support/gateway-over-stand-ins.js';

const LIMIT = 64 * 1024;

describe('a subgraph answer past HUB_SUBGRAPH_MAX_RESPONSE_BYTES (the last line, issue 14)', () => {
  let t: GatewayOverStandIns;
  beforeAll(async () => {
    t = await startGatewayOverStandIns({ maxSubgraphResponseBytes: LIMIT, circuit: { failures: 100, coolDownMs: 60_000 } });
  }, 30_000);
  afterAll(() => t.close());

  it('is not buffered past the bound: the sector costs its fields only, and the error says why', async () => {
    t.standIns.setPadding('kodomo', 4 * 1024 * 1024);
    try {
      const { answer } = await t.ask();
      expect(answer.data.person.name).toBe('x');
      expect(answer.data.person.kaigo).not.toBeNull();
      expect(answer.data.person.kodomo).toBeNull();
      expect(answer.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'SECTOR_UNAVAILABLE', sector: 'KODOMO', reason: 'RESPONSE_TOO_LARGE' } }),
      ]);
    } finally {
      t.standIns.setPadding('kodomo', 0);
    }
  });

  it('passes an answer within the bound as before', async () => {
    t.standIns.setPadding('kodomo', LIMIT / 2);
    try {
      const { answer } = await t.ask();
      expect(answer.errors).toBeUndefined();
      expect(answer.data.person.kodomo).not.toBeNull();
    } finally {
      t.standIns.setPadding('kodomo', 0);
    }
  });
});
