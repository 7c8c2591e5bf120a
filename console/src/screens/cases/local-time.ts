/** A datetime-local value in Japan's time. */
export function localInput(date: Date): string {
  return new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

/** A datetime-local value is read as Japan's time. */
export function fromLocalInput(value: string): string {
  return new Date(`${value}:00+09:00`).toISOString();
}

/** yyyy-mm-dd, n days from today in Japan. */
export function dayInJapan(days = 0): string {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
