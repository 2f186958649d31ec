import { parentPort } from 'node:worker_threads';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { RenderError } from './errors';
import { renderBody } from './render';

export interface RenderJob {
  id: number;
  format: BodyFormat;
  body: string;
  title: string;
}

parentPort?.on('message', async ({ id, format, body, title }: RenderJob) => {
  try {
    parentPort!.postMessage({ id, rendered: await renderBody(format, body, title) });
  } catch (error) {
    const e = error as RenderError;
    parentPort!.postMessage({
      id,
      error: {
        render: error instanceof RenderError,
        message: e?.message ?? String(error),
        line: e?.line,
        column: e?.column,
      },
    });
  }
});
