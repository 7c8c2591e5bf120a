import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface SubgraphReply {
  status: number;
  contentType: string;
  text: string;
}

/** No answer within the deadline: the call was abandoned and its socket closed. */
export class SubgraphTimeout extends Error {
  constructor() {
    super('the subgraph did not answer in time');
  }
}

/** An answer past the gateway's bound: the call was abandoned where it passed it, and its socket closed. */
export class SubgraphResponseTooLarge extends Error {
  constructor(readonly bound: number) {
    super(`the subgraph's answer passed the bound of ${bound} bytes`);
  }
}

/**
 * POSTs to one subgraph over kept-alive connections, with a deadline on the whole exchange. Plain node:http rather
 * than fetch: a household view makes six calls, and fetch's Request, Headers, web streams and AbortSignal per call
 * were a third of the gateway's CPU (tools/bench, --profile).
 */
export class SubgraphClient {
  private readonly agent: Agent;
  private readonly send: typeof httpRequest;

  constructor(
    private readonly url: URL,
    private readonly timeoutMs: number,
    /** The last line against a huge answer: nothing past this is buffered (HUB_SUBGRAPH_MAX_RESPONSE_BYTES). */
    private readonly maxResponseBytes = 16 * 1024 * 1024,
  ) {
    const secure = url.protocol === 'https:';
    // Idle connections are dropped well before a subgraph's own keep-alive (65 s) would close them under a request.
    const options = { keepAlive: true, timeout: 30_000 };
    this.agent = secure ? new HttpsAgent(options) : new Agent(options);
    this.send = secure ? httpsRequest : httpRequest;
  }

  post(body: string, headers: Record<string, string>): Promise<SubgraphReply> {
    return new Promise((resolve, reject) => {
      const req = this.send(this.url, {
        method: 'POST',
        agent: this.agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      });
      const timer = setTimeout(() => req.destroy(new SubgraphTimeout()), this.timeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      req.once('error', fail);
      req.once('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = Number(res.headers['content-length'] ?? 0) > this.maxResponseBytes ? Infinity : 0;
        if (size === Infinity) return req.destroy(new SubgraphResponseTooLarge(this.maxResponseBytes));
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxResponseBytes) req.destroy(new SubgraphResponseTooLarge(this.maxResponseBytes));
          else chunks.push(chunk);
        });
        res.once('error', fail);
        res.once('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', text: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.end(body);
    });
  }
}
