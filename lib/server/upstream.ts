import { Agent, request, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { Duplex, Readable } from 'node:stream';

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
  /** Streamed to Next as it arrives; none for a request without a body. */
  body?: Readable;
}

/** A request on its way to Next, perhaps on its second connection. */
export interface UpstreamCall {
  destroy(): void;
  onError(listener: (error: Error) => void): void;
}

/**
 * Whether a request failed only because Next closed its kept-alive connection as the request
 * went out (what Node's documentation of `request.reusedSocket` describes): one without a body
 * that reads (GET, HEAD) is then safely sent again on a new connection.
 */
const mayResend = (outgoing: ClientRequest, error: NodeJS.ErrnoException, method: string, body: unknown, answered: boolean) =>
  !answered && outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') && !body && (method === 'GET' || method === 'HEAD');

export interface WholeAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Upstream = ReturnType<typeof createUpstream>;

/** Requests to Next over kept-alive connections; the answer streams back as it comes. */
export function createUpstream(address: UpstreamAddress) {
  const agent = new Agent({ keepAlive: true });

  function send({ method, path, headers, body }: UpstreamRequest, onResponse: (response: IncomingMessage) => void): UpstreamCall {
    const listeners: ((error: Error) => void)[] = [];
    let current: ClientRequest;
    let destroyed = false;
    let answered = false;
    const attempt = (again: boolean) => {
      const outgoing = request({ ...address, agent, method, path, headers }, (response) => {
        answered = true;
        onResponse(response);
      });
      current = outgoing;
      outgoing.on('error', (error) => {
        if (!again && !destroyed && mayResend(outgoing, error, method, body, answered)) return attempt(true);
        for (const listener of listeners) listener(error);
      });
      if (body) body.pipe(outgoing);
      else outgoing.end();
    };
    attempt(false);
    return {
      destroy: () => {
        destroyed = true;
        current.destroy();
      },
      onError: (listener) => void listeners.push(listener),
    };
  }

  return {
    request: send,

    /** The whole answer to a request without a body. */
    fetch(outgoing: Omit<UpstreamRequest, 'body'>): Promise<WholeAnswer> {
      return new Promise((resolve, reject) => {
        const call = send(outgoing, (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('error', reject);
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
        });
        call.onError(reject);
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
