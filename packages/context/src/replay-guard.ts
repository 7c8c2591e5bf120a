/**
 * Decides whether a context signature's id (`jti`) is used for the first time. A signature lives
 * CONTEXT_TTL_SECONDS, so an id needs remembering only until its token expires.
 */
export interface ReplayGuard {
  /** True the first time an id is offered, false every later time, in whatever process it was used. */
  firstUse(jti: string, expiresAtSeconds: number): Promise<boolean>;
}

/**
 * The guard of a hub that runs in one process (the embedded PGlite can be opened by one process only): its memory
 * is the whole truth, and it costs no statement on the single embedded connection. Memory is bounded by the
 * request rate times the token lifetime.
 */
export class MemoryReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  async firstUse(jti: string, expiresAtSeconds: number): Promise<boolean> {
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
