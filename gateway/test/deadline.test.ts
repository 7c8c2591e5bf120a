import { startGatewayOverStandIns, type GatewayOverStandIns } from './support/gateway-over-stand-ins.js';

const DEADLINE_MS = 400;

describe('a sector that takes a call in and never answers', () => {
  let t: GatewayOverStandIns;
  beforeAll(async () => {
    t = await startGatewayOverStandIns({ subgraphTimeoutMs: DEADLINE_MS, circuit: { failures: 100, coolDownMs: 60_000 } });
  }, 30_000);
  afterAll(() => t.close());

  it('costs its own fields only, within the deadline, and says which sector', async () => {
    t.standIns.setSilent('kodomo', true);
    try {
      const { answer, ms } = await t.ask();
      expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      expect(ms).toBeLessThan(DEADLINE_MS + 1_500);
      expect(answer.data.person.name).toBe('x');
      expect(answer.data.person.kaigo).not.toBeNull();
      expect(answer.data.person.kodomo).toBeNull();
      expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'SECTOR_UNAVAILABLE', sector: 'KODOMO' } })]);
      expect(JSON.stringify(answer.errors)).not.toMatch(/127\.0\.0\.1|socket|ECONN/);
    } finally {
      t.standIns.setSilent('kodomo', false);
    }
  });

  it('answers whole again once the sector does, over the same kept-alive connections', async () => {
    const { answer } = await t.ask();
    expect(answer.errors).toBeUndefined();
    expect(answer.data.person.kodomo).not.toBeNull();
  });
});
