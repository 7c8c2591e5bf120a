let mode: 'json' | 'silent' = 'json';

/** Set once at boot from the configuration (HUB_LOG). */
export function configureLog(to: 'json' | 'silent'): void {
  mode = to;
}

/**
 * Structured log lines on stderr. Callers pass codes, counts and ids of the hub's own records only, never
 * a resident's data or an error message that could quote one.
 */
export function logEvent(event: string, fields: Record<string, string | number | boolean | null> = {}): void {
  if (mode === 'silent') return;
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), event, ...fields })}\n`);
}
