/**
 * Resolves when the gateway's /health/ready answers 200 (every source settled, the index built from those reads),
 * so that "ready" is printed only when it is true.
 */
export async function whenReady(readyUrl: string, signal?: AbortSignal): Promise<void> {
  for (;;) {
    if (signal?.aborted) throw new Error('stopped before the hub was ready');
    const ok = await fetch(readyUrl, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Stops the process cleanly on Ctrl-C or SIGTERM, once. */
export function onStop(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (): void => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', handler).once('SIGTERM', handler);
}
