import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

/** Where Next listens inside the process: a socket file only its owner may open, or (in tests) a port. */
export type UpstreamAddress = { socketPath: string } | { host: string; port: number };

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/** A message's headers without the ones that describe one connection, not the message. */
export function endToEnd(headers: IncomingHttpHeaders, drop: readonly string[] = []): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !drop.includes(name)) kept[name] = value;
  }
  return kept;
}

export interface UpstreamRequest {
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  /** Streamed to Next as it arrives; none for a GET. */
  body?: IncomingMessage;
}

export interface WholeAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Upstream = ReturnType<typeof createUpstream>;

/** Requests to Next over kept-alive connections; the answer streams back as it comes. */
export function createUpstream(address: UpstreamAddress) {
  const agent = new Agent({ keepAlive: true });
  return {
    request({ method, path, headers, body }: UpstreamRequest, onResponse: (response: IncomingMessage) => void) {
      const outgoing = request({ ...address, agent, method, path, headers }, onResponse);
      if (body) body.pipe(outgoing);
      else outgoing.end();
      return outgoing;
    },

    /** The whole answer to a request without a body. */
    fetch({ method, path, headers }: Omit<UpstreamRequest, 'body'>): Promise<WholeAnswer> {
      return new Promise((resolve, reject) => {
        const outgoing = request({ ...address, agent, method, path, headers }, (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('error', reject);
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    },

    /** A protocol upgrade (the dev server's live reload): the request head is replayed, then bytes flow both ways. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      const inner = 'socketPath' in address ? connect({ path: address.socketPath }) : connect(address);
      const fail = () => {
        socket.destroy();
        inner.destroy();
      };
      inner.once('connect', () => {
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        inner.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length) inner.write(head);
        socket.pipe(inner).pipe(socket);
      });
      inner.on('error', fail);
      socket.on('error', fail);
    },

    close: () => agent.destroy(),
  };
}
