import type { ServerResponse } from 'node:http';

type Callback = (error?: Error | null) => void;
type ChunkEncoding = BufferEncoding | Callback | undefined;

function toBuffer(chunk: unknown, encoding: ChunkEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
}

export const contentType = (res: ServerResponse) => String(res.getHeader('content-type') ?? '');

/**
 * Holds back everything Next sends (status, headers, body) and hands the whole
 * response to `done`, with the methods restored so it can be sent as it should be.
 * Only for public GET and HEAD requests: a public page is checked and cleaned as
 * a whole document before any byte of it goes out.
 */
export function captureResponse(res: ServerResponse, done: (body: Buffer) => void) {
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((r) => r && typeof r === 'object' && !Array.isArray(r)) as Record<string, string | string[]> | undefined;
    for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
    return res;
  }) as ServerResponse['writeHead'];
  res.flushHeaders = () => {};
  res.write = ((chunk: unknown, encoding?: ChunkEncoding, cb?: Callback) => {
    chunks.push(toBuffer(chunk, encoding));
    (typeof encoding === 'function' ? encoding : cb)?.();
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: ChunkEncoding, cb?: () => void) => {
    if (typeof chunk === 'function') cb = chunk as () => void;
    else if (chunk != null) chunks.push(toBuffer(chunk, encoding));
    if (typeof encoding === 'function') cb = encoding as () => void;
    Object.assign(res, original);
    done(Buffer.concat(chunks));
    cb?.();
    return res;
  }) as ServerResponse['end'];
}
