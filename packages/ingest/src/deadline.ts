/** A read that ran past HUB_SOURCE_READ_TIMEOUT_SECONDS and was abandoned. */
export class ReadTimedOut extends Error {
  constructor(readonly afterMs: number) {
    super(`the read did not end within ${afterMs < 1000 ? `${afterMs} ms` : `${Math.round(afterMs / 1000)} s`} and was abandoned`);
  }
}

/**
 * Runs `work` with a deadline: past it the caller gets ReadTimedOut and the signal is aborted, so the work stops at
 * its next check instead of writing after the source has moved on. A read stuck for good (a pipe never written) stays
 * stuck, but no longer holds the source's queue or its state.
 */
export async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ReadTimedOut(ms));
    }, ms);
    timer.unref();
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
