// HTTP from inside a host's namespace, for callers that are not the gateway: a small script run there by node.
import { execFile } from 'node:child_process';
import type { Host } from './netns.js';

export interface HostRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A body of this many bytes of JSON-looking filler. */
  bodyBytes?: number;
  /** Send the headers (declaring bodyBytes) and no body: an answer then came without the body being read. */
  headersOnly?: boolean;
}

export interface HostAnswer {
  status: number | null;
  text: string;
  /** The connection was cut while the body was being sent (the server refused before reading it all). */
  cut?: boolean;
}

const SCRIPT = `
const net = await import('node:net');
const requests = JSON.parse(process.env.REQUESTS);
const answers = [];
for (const r of requests) {
  if (r.headersOnly) {
    const u = new URL(r.url);
    answers.push(await new Promise((resolve) => {
      const socket = net.connect(Number(u.port), u.hostname);
      let text = '';
      const done = () => { clearTimeout(timer); socket.destroy(); const m = /^HTTP\\/1\\.1 (\\d{3})/.exec(text); resolve({ status: m ? Number(m[1]) : null, text: text.slice(0, 2000) }); };
      const timer = setTimeout(done, 3000);
      socket.on('data', (c) => (text += c));
      socket.on('end', done);
      socket.on('error', done);
      const head = [(r.method ?? 'POST') + ' ' + u.pathname + ' HTTP/1.1', 'host: ' + u.host, 'content-type: application/json', 'content-length: ' + r.bodyBytes,
        ...Object.entries(r.headers ?? {}).map(([k, v]) => k + ': ' + v)];
      socket.write(head.join('\\r\\n') + '\\r\\n\\r\\n');
    }));
    continue;
  }
  const body = r.body ?? (r.bodyBytes ? '{"query":"' + 'x'.repeat(r.bodyBytes - 12) + '"}' : undefined);
  try {
    const res = await fetch(r.url, { method: r.method ?? 'POST', headers: { 'content-type': 'application/json', ...(r.headers ?? {}) }, body, signal: AbortSignal.timeout(10000) });
    answers.push({ status: res.status, text: (await res.text()).slice(0, 2000) });
  } catch (e) {
    answers.push({ status: null, text: String(e.cause?.code ?? e.cause ?? e), cut: true });
  }
}
console.log(JSON.stringify(answers));
`;

/** Runs the requests one after the other from the host's namespace, and returns what came back. */
export function requestFromHost(host: Host, requests: HostRequest[]): Promise<HostAnswer[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'ip',
      ['netns', 'exec', host.netns, process.execPath, '--input-type=module', '-e', SCRIPT],
      { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', REQUESTS: JSON.stringify(requests) }, maxBuffer: 1 << 20, timeout: 60_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as HostAnswer[])),
    );
  });
}
