import type { ServerResponse } from 'node:http';

type Callback = (error?: Error | null) => void;
type ChunkEncoding = BufferEncoding | Callback | undefined;

function toBuffer(chunk: unknown, encoding: ChunkEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
}

export const contentType = (res: ServerResponse) => String(res.getHeader('content-type') ?? '');

/** Pages, RSC payloads (text/x-component), feeds and JSON; not images or fonts. */
export const isText = (res: ServerResponse) => /^text\/|json|xml/.test(contentType(res));

/**
 * Passes every byte Next writes through `transform` (with `flush` at the end) on
 * its way to the socket; `beforeHead` runs just before the headers go out.
 */
export function transformBody(
  res: ServerResponse,
  transform: (chunk: Buffer) => Buffer,
  flush: () => Buffer,
  beforeHead: () => void,
) {
  const write = res.write.bind(res) as (chunk: Buffer, cb?: Callback) => boolean;
  const end = res.end.bind(res) as (chunk?: Buffer, cb?: () => void) => ServerResponse;
  const writeHead = res.writeHead.bind(res);
  res.write = ((chunk: unknown, encoding?: ChunkEncoding, cb?: Callback) => {
    const callback = typeof encoding === 'function' ? encoding : cb;
    return write(transform(toBuffer(chunk, encoding)), callback);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: ChunkEncoding, cb?: () => void) => {
    if (typeof chunk === 'function') return end(flush(), chunk as () => void);
    const callback = (typeof encoding === 'function' ? encoding : cb) as (() => void) | undefined;
    const last = chunk == null ? Buffer.alloc(0) : transform(toBuffer(chunk, encoding));
    return end(Buffer.concat([last, flush()]), callback);
  }) as ServerResponse['end'];
  res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
    beforeHead();
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

/**
 * Holds back everything Next sends (status, headers, body) and hands the whole
 * response to `done`, with the methods restored so it can be sent as it should be.
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
