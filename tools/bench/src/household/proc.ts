// What Linux says about the processes under load (/proc): CPU time, resident memory and its peak.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Busy CPU seconds of the whole machine (every core, every process: hub, PostgreSQL, load generator). */
export function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const idle = ticks[3]! + ticks[4]!;
  return (ticks.reduce((a, b) => a + b, 0) - idle) / 100;
}

/** User and system CPU seconds of one process, its threads (GC, crypto, libuv pool) included. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function statusKiB(pid: number, field: string): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

export const rssMiB = (pid: number): number => Math.round(statusKiB(pid, 'VmRSS') / 1024);
export const peakRssMiB = (pid: number): number => Math.round(statusKiB(pid, 'VmHWM') / 1024);

/** Starts a new peak of a process's resident memory (5 into clear_refs), so that each phase reports its own. */
export function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted here: the peak is then the one since start.
  }
}

/** PostgreSQL's memory on this machine: the proportional set size of its processes, shared buffers counted once. */
export function postgresPssMiB(): number | null {
  let kib = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres')) continue;
      kib += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return kib ? Math.round(kib / 1024) : null;
}
