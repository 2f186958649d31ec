import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { createFrontHandler } from './front';
import { createResponseCache } from './response-cache';
import { createUpstream, type UpstreamAddress } from './upstream';
import type { FromFront, ToFront } from './front-messages';

/**
 * The web server's thread (started by scripts/serve.ts). It owns the public
 * port and the response cache, and relays to Next's thread over a private
 * socket. Next's request-scoped storage slows every callback of the thread it
 * runs in; readers of cached pages never pay for it here.
 */
const { port, upstream: address, cacheBytes } = workerData as { port: number; upstream: UpstreamAddress; cacheBytes: number };
const parent = parentPort!;
const post = (message: FromFront) => parent.postMessage(message);

let version = 0;
let ready = false;
let syncs = 0;
const waiting = new Map<number, () => void>();

parent.on('message', (message: ToFront) => {
  if ('version' in message) version = Math.max(version, message.version);
  if ('synced' in message) {
    waiting.get(message.synced)?.();
    waiting.delete(message.synced);
  }
  if ('ready' in message) ready = true;
  if ('close' in message) {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  }
});

function settled(): Promise<void> {
  const id = ++syncs;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    post({ sync: id });
  });
}

/** Until Next's thread is warm: 503 for every request, /api/health included, so a load balancer waits. */
function starting(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ status: 'starting' }));
}

const upstream = createUpstream(address);
const handle = createFrontHandler({ upstream, cache: createResponseCache({ maxBytes: cacheBytes, generation: () => version }), settled });
const server = createServer((req, res) => (ready ? handle(req, res) : starting(req, res)));
server.on('upgrade', (req, socket, head) => upstream.upgrade(req, socket, head));
server.once('error', (error) => {
  throw error;
});
server.listen(port, () => post({ listening: true }));
