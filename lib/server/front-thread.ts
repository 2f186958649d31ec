import { Worker } from 'node:worker_threads';
import { invalidationVersion, tagState } from '@/lib/cache/tag-state.cjs';
import type { FromFront, ToFront } from './front-messages';

/**
 * Starts the web server's thread (front-worker.ts) on `port`, relaying to Next
 * on `socketPath`, with a response cache of `cacheBytes`, and keeps it told of
 * every cache invalidation in this thread. A thread that fails ends the
 * process: a supervisor restarts it whole.
 */
export function startFront({ port, socketPath, cacheBytes }: { port: number; socketPath: string; cacheBytes: number }) {
  const worker = new Worker(new URL('./front-entry.mjs', import.meta.url), { workerData: { port, upstream: { socketPath }, cacheBytes } });
  const send = (message: ToFront) => worker.postMessage(message);
  let closing = false;
  let started = false;

  const listening = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromFront) => {
      if ('listening' in message) {
        started = true;
        resolve();
      }
      if ('sync' in message) send({ synced: message.sync, version: invalidationVersion() });
    });
    worker.on('error', (error) => {
      if (!started) return reject(error);
      console.error('The web server thread failed:', error);
      process.exit(1);
    });
  });
  worker.on('exit', (code) => {
    if (closing || !started) return;
    console.error(`The web server thread stopped (exit code ${code}).`);
    process.exit(1);
  });

  tagState().subscribe(() => send({ version: invalidationVersion() }));
  send({ version: invalidationVersion() });

  return {
    listening,
    ready: () => send({ ready: true }),
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        worker.once('exit', () => resolve());
        send({ close: true });
        setTimeout(() => void worker.terminate(), 2_000).unref();
      }),
  };
}
