// Hosts on their own addresses for one test: a Linux network namespace per host, joined to a bridge by a veth pair, on
// a /24 of 10.231.x.0 the test picks. Everything made here is named after this process and removed by teardown(), on
// exit, or by the next run if this one was killed.
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';

const PREFIX = 'hubmh';

/** Why namespaces cannot be used here, or null when they can. */
export function netnsUnavailable(): string | null {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'network namespaces need root (ip netns add)';
  const probe = `${PREFIX}-probe-${process.pid.toString(36)}`;
  const added = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (added.error) return `iproute2 is not installed (${added.error.message})`;
  if (added.status !== 0) return `ip netns add is not allowed here: ${added.stderr.trim().split('\n')[0]}`;
  spawnSync('ip', ['netns', 'del', probe]);
  const bridge = spawnSync('ip', ['link', 'add', `${PREFIX}p${process.pid.toString(36)}`, 'type', 'bridge'], { encoding: 'utf8' });
  if (bridge.status !== 0) return `a bridge cannot be made here: ${bridge.stderr.trim().split('\n')[0]}`;
  spawnSync('ip', ['link', 'del', `${PREFIX}p${process.pid.toString(36)}`]);
  return null;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function quietly(...args: string[]): void {
  spawnSync('ip', args, { stdio: 'ignore' });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops whatever still runs inside a namespace, then removes it. */
function removeNamespace(name: string): void {
  for (const pid of spawnSync('ip', ['netns', 'pids', name], { encoding: 'utf8' }).stdout.split(/\s+/).filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already
    }
  }
  quietly('netns', 'del', name);
}

/** Namespaces (and what still runs in them) and bridges left by a run that was killed before its teardown. */
function removeLeftovers(): void {
  const names = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((l) => l.split(' ')[0]!);
  const dead = new Set<string>();
  for (const name of names) {
    const match = new RegExp(`^${PREFIX}-([0-9a-z]+)-`).exec(name);
    if (match && match[1] !== 'probe' && !alive(parseInt(match[1]!, 36))) {
      removeNamespace(name);
      dead.add(match[1]!);
    }
  }
  for (const tag of dead) quietly('link', 'del', `${PREFIX}${tag}`);
}

export interface Host {
  name: string;
  /** The namespace the host's processes run in. */
  netns: string;
  address: string;
}

/** A bridge in the root namespace (the test's side, at .1) and a namespace per host on it. */
export class HostNetwork {
  readonly rootAddress: string;
  private readonly tag = process.pid.toString(36);
  private readonly bridge = `${PREFIX}${this.tag}`;
  private readonly hosts: Host[] = [];
  private readonly onExit = (): void => this.teardown();
  private torndown = false;

  private constructor(private readonly net: string) {
    this.rootAddress = `${net}.1`;
  }

  static create(): HostNetwork {
    removeLeftovers();
    // A /24 no interface of this machine uses, so that two runs side by side do not meet.
    const used = spawnSync('ip', ['-o', '-4', 'addr'], { encoding: 'utf8' }).stdout;
    let octet = 20 + (process.pid % 200);
    while (used.includes(`10.231.${octet}.`)) octet = 20 + ((octet - 19) % 220);
    const network = new HostNetwork(`10.231.${octet}`);
    process.once('exit', network.onExit);
    try {
      ip('link', 'add', network.bridge, 'type', 'bridge');
      ip('addr', 'add', `${network.rootAddress}/24`, 'dev', network.bridge);
      ip('link', 'set', network.bridge, 'up');
    } catch (e) {
      network.teardown();
      throw e;
    }
    return network;
  }

  /** A namespace with loopback and one address on the bridge, nothing else. */
  addHost(name: string): Host {
    const index = this.hosts.length + 10;
    const host: Host = { name, netns: `${PREFIX}-${this.tag}-${name}`, address: `${this.net}.${index}` };
    const veth = `${this.bridge}v${index}`;
    this.hosts.push(host);
    ip('netns', 'add', host.netns);
    ip('link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', host.netns);
    ip('link', 'set', veth, 'master', this.bridge, 'up');
    ip('-n', host.netns, 'addr', 'add', `${host.address}/24`, 'dev', 'eth0');
    ip('-n', host.netns, 'link', 'set', 'eth0', 'up');
    ip('-n', host.netns, 'link', 'set', 'lo', 'up');
    return host;
  }

  /** Removes every namespace (their veth ends go with them, and anything still running in them is killed) and the bridge. */
  teardown(): void {
    if (this.torndown) return;
    this.torndown = true;
    process.off('exit', this.onExit);
    for (const host of this.hosts) removeNamespace(host.netns);
    quietly('link', 'del', this.bridge);
  }

  /** What is left of this network on the machine (for the test of the teardown itself). */
  leftovers(): string[] {
    const netns = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout;
    const links = spawnSync('ip', ['-o', 'link'], { encoding: 'utf8' }).stdout;
    return [
      ...this.hosts.filter((h) => netns.includes(h.netns)).map((h) => h.netns),
      ...(links.includes(`${this.bridge}:`) || links.includes(`${this.bridge}@`) ? [this.bridge] : []),
    ];
  }
}

/**
 * A TCP relay on the test's own address to a server that listens on the root namespace's loopback only (PostgreSQL):
 * the hosts reach it through the bridge, and nothing is opened to the rest of the network.
 */
export async function tcpRelay(listenHost: string, target: { host: string; port: number }): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, listenHost, () => resolve()));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('relay has no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
