import { CircuitBreaker } from '../src/circuit.js';
import { startGatewayOverStandIns, type GatewayOverStandIns } from './support/gateway-over-stand-ins.js';

describe('the circuit breaker', () => {
  it('opens after the failures in a row, lets one call through after the cool-down, and closes on its success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(breaker.allow()).toBe(true);
      breaker.failedOnce();
    }
    expect(breaker.allow()).toBe(false);
    now = 1000;
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false); // one probe at a time
    breaker.failedOnce();
    expect(breaker.allow()).toBe(false);
    now = 2000;
    expect(breaker.allow()).toBe(true);
    breaker.succeeded();
    expect(breaker.allow()).toBe(true);
  });

  describe('at the gateway', () => {
    let t: GatewayOverStandIns;
    beforeAll(async () => {
      t = await startGatewayOverStandIns({ circuit: { failures: 3, coolDownMs: 60_000 } });
    }, 30_000);
    afterAll(() => t.close());

    it('stops calling a sector that keeps failing, and the rest of each answer stands', async () => {
      t.standIns.setFailing('kodomo', true);
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push((await t.ask()).answer);
      expect(t.standIns.callsTo('kodomo')).toBe(3);
      for (const answer of answers) {
        expect(answer.data.person.name).toBe('x');
        expect(answer.data.person.kaigo).not.toBeNull();
        expect(answer.data.person.kodomo).toBeNull();
        expect(answer.errors?.map((e) => e.extensions['code'])).toEqual(['SECTOR_UNAVAILABLE']);
      }
    });
  });
});
