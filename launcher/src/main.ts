// `npm start`: the whole hub on one machine.
import { hubConfig } from './config.js';
import { startHub } from './hub.js';
import { startProcesses } from './processes.js';
import { banner } from './banner.js';
import { startTracing } from '@welfare-hub/telemetry';

const config = hubConfig();
const started = Date.now();
if (config.databaseUrl) {
  const hub = await startProcesses(config);
  const url = `http://localhost:${config.port}/graphql`;
  console.log(banner(url, url.replace(/\/graphql$/, '/health/ready')));
  const stop = (): void => void hub.stop().then(() => process.exit(0));
  process.once('SIGINT', stop).once('SIGTERM', stop);
} else {
  const tracing = startTracing('welfare-hub');
  const hub = await startHub(config);
  const url = hub.url;
  console.log(banner(url, hub.readyUrl));
  hub.firstRead.then(() => console.log(`  ready: every source read once, ${((Date.now() - started) / 1000).toFixed(1)} s after start`));
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    hub.close().then(
      () => void (tracing?.shutdown() ?? Promise.resolve()).finally(() => process.exit(0)),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
