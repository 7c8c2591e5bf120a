/**
 * A circuit breaker per sector subgraph: after `failures` calls in a row that failed (no answer in time, a refused
 * connection, a 5xx), calls are not made for `coolDownMs` and the sector's fields are SECTOR_UNAVAILABLE at once,
 * so a dead sector is not hammered and costs no waiting. After the cool-down one call is let through; its success
 * closes the circuit, its failure opens it again.
 */
export class CircuitBreaker {
  private failed = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly failures: number,
    private readonly coolDownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may go out now. */
  allow(): boolean {
    if (this.failed < this.failures) return true;
    if (this.now() < this.openUntil || this.probing) return false;
    this.probing = true;
    return true;
  }

  succeeded(): void {
    this.failed = 0;
    this.probing = false;
  }

  failedOnce(): void {
    this.failed++;
    this.probing = false;
    if (this.failed >= this.failures) this.openUntil = this.now() + this.coolDownMs;
  }
}

export class CircuitOpen extends Error {
  constructor() {
    super('circuit open');
  }
}
