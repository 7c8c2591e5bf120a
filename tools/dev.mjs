// `npm run dev`: the daily loop. Builds once, then keeps two processes running side by side:
//   turbo watch build   rebuilds a package that changed, and every package that depends on it;
//   node --watch-path=<trigger> launcher/dist/main.js
//                       the hub (the process `npm start` runs), restarted by Node (stopped with SIGTERM, waited for,
//                       started again) when the trigger file changes. This script touches the trigger once the
//                       launcher has been rebuilt and its dist has been quiet for RESTART_QUIET_MS.
// Why not plain `node --watch`: it watches every file the hub loaded and restarts once per rebuilt package (a gateway
// edit: once after the gateway's build, again after the launcher's, the second restart cutting the first short). The
// launcher depends on every package of the hub (gateway → console included), so turbo rebuilds it last in any round
// that touches the hub: restarting after it restarts once per round, and only when the whole chain built (a type
// error leaves the running hub alone). Why not `--watch-path=launcher/dist/main.js`: a rebuild (or a restore from
// turbo's cache) replaces the file with a new inode, and Node's watch of the old one never fires again (seen: the
// first restart worked, the second never came). The trigger is written in place.
// A change only read at run time (the demo city, `.hub-data/`) needs a restart by hand (touch a source file).
// Ctrl-C (or SIGTERM to this process) stops both; when either one ends, the other is stopped too.
//
// Each child runs in its own process group, so the terminal's Ctrl-C reaches only this script (and npm), which passes
// it on exactly once: the hub stops on the first SIGINT and would be killed outright by a second one arriving straight
// from the terminal while it is closing its store. Plain ESM, no dependencies.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, watch, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const turbo = join(root, 'node_modules', '.bin', 'turbo');
const hubEntry = join('launcher', 'dist', 'main.js');
const STOP_GRACE_MS = 20_000; // then SIGKILL whatever is left
const RESTART_QUIET_MS = 750; // tsc writes the launcher's 50-odd files over a second or so on a busy machine
const trigger = join(root, 'node_modules', '.cache', 'welfare-hub-dev', 'restart');

/** @type {Map<string, import('node:child_process').ChildProcess>} */
const running = new Map();
let stopping = false;
let exitCode = 0;

function log(message) {
  console.log(`[dev] ${message}`);
}

/**
 * Starts a child in a process group of its own (detached), its output on ours, stdin left alone. A lasting child
 * (the watch, the hub) ending on its own stops the rest.
 */
function start(name, command, args, { lasting = true } = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  running.set(name, child);
  child.once('exit', (code, signal) => {
    running.delete(name);
    if (stopping) {
      if (running.size === 0) process.exit(exitCode);
    } else if (lasting) {
      log(`${name} ended (${signal ?? `exit ${code}`}); stopping the rest`);
      exitCode = code || 1;
      stopAll('SIGINT');
    }
  });
  return child;
}

/** Resolves with the exit code of a child started with start(), once it ends. */
const ended = (child) => new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1))));

/**
 * Stops every child, once. turbo is signalled as a group (the npm shim, the native turbo and its task processes);
 * `node --watch-path` only itself: it passes the signal on to the hub and waits for it.
 */
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  if (running.size === 0) process.exit(exitCode);
  for (const [name, child] of running) {
    try {
      if (name === 'hub') child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
  setTimeout(() => {
    for (const child of running.values()) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(exitCode || 1);
  }, STOP_GRACE_MS).unref();
}

// Repeated signals (the terminal's and npm's copy of one Ctrl-C) count as one.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(signal === 'SIGHUP' ? 'SIGTERM' : signal));

// 1. The first build, to completion, before the hub starts (it writes turbo's cache, so the watch below starts on
//    cache hits). If it fails the loop still starts on the last good build, when there is one: fix the error, save,
//    and the watch rebuilds.
const startedAt = Date.now();
log('first build…');
const built = await ended(start('first build', turbo, ['run', 'build', '--output-logs=errors-only', '--ui=stream'], { lasting: false }));
if (stopping) process.exit(exitCode);
if (built !== 0) {
  if (!existsSync(join(root, hubEntry))) {
    log(`the first build failed (exit ${built}) and there is no ${hubEntry} to run`);
    process.exit(built);
  }
  log(`the first build failed (exit ${built}); starting on the last good build, fix and save to rebuild`);
} else {
  log(`built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

// 2. The watch and the hub, side by side; the launcher's dist rewritten (by tsc or from turbo's cache) → once it has
//    been quiet for a moment, the trigger is written and Node restarts the hub.
mkdirSync(dirname(trigger), { recursive: true });
writeFileSync(trigger, `${Date.now()}\n`);
let quiet;
watch(join(root, 'launcher', 'dist'), { recursive: true }, () => {
  clearTimeout(quiet);
  quiet = setTimeout(() => {
    if (stopping || !existsSync(join(root, hubEntry))) return;
    log('the launcher was rebuilt: restarting the hub');
    writeFileSync(trigger, `${Date.now()}\n`);
  }, RESTART_QUIET_MS);
}).unref();
start('turbo watch', turbo, ['watch', 'build', '--output-logs=new-only', '--ui=stream']);
start('hub', process.execPath, [`--watch-path=${trigger}`, hubEntry]);
