// The practical limit of this machine: a minimal Node HTTP server that answers each
// path with bytes captured from the app (same body, same headers), from memory.
// Run as its own process: tsx bench/static-server.ts <responses.json> <port>
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Stored {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const [file, port] = process.argv.slice(2);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length']);
const responses = new Map(
  (JSON.parse(readFileSync(file!, 'utf8')) as Stored[]).map((r) => {
    const body = Buffer.from(r.body, 'base64');
    const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
    return [r.path, { status: r.status, headers: { ...headers, 'content-length': String(body.length) }, body }];
  }),
);

http
  .createServer((req, res) => {
    const found = responses.get(req.url ?? '');
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(found.status, found.headers).end(found.body);
  })
  .listen(Number(port), '127.0.0.1', function (this: http.Server) {
    // The first line tells the parent which port (0 asks for any free one).
    console.log(`listening ${(this.address() as AddressInfo).port}`);
  });
