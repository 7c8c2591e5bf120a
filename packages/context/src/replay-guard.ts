/**
 * Remembers every token id until the token expires, so each signed statement is accepted once. Memory is
 * bounded by the request rate times the token lifetime.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  firstUse(jti: string, expiresAtSeconds: number): boolean {
    const now = Date.now() / 1000;
    if (now >= this.nextSweep) this.sweep(now);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, expiresAtSeconds);
    return true;
  }

  private sweep(now: number): void {
    for (const [jti, exp] of this.seen) if (exp < now) this.seen.delete(jti);
    this.nextSweep = now + 5;
  }
}
