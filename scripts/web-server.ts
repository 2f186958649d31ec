import { createServer } from 'node:http';
import next from 'next';
import { createRequestHandler } from '@/lib/server/request-handler';

/** `next start`, through lib/server/request-handler.ts (script-free public pages, their response cache). */
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();

const server = createServer(createRequestHandler(app));
server.listen(port, () => console.log(`▲ Next.js serving on http://localhost:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
