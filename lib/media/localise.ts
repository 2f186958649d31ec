import 'server-only';
import { fetch } from 'undici';
import { addImage } from './library';
import { MAX_IMAGE_BYTES } from './limits';
import { assertPublicHost, PrivateAddressError, publicOnlyAgent } from './remote-address';

export interface LocalisedImage {
  url: string;
  /** The library URL it now points at, or why it was left as it was. */
  localUrl?: string;
  error?: string;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxRedirects?: number;
}

// ![alt](url "title") in Markdown, and src="…" on <img> / <source> in HTML, MDX and Markdown alike.
const MARKDOWN_IMAGE = /!\[[^\]]*\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g;
const HTML_SRC = /<(?:img|source)\b[^>]*?\ssrc\s*=\s*["'](https?:\/\/[^"']+)["']/gi;

/** The distinct remote (http/https) image URLs a body shows, in order of first appearance. */
export function remoteImageUrls(body: string): string[] {
  const urls = [...body.matchAll(MARKDOWN_IMAGE), ...body.matchAll(HTML_SRC)]
    .sort((a, b) => a.index! - b.index!)
    .map((m) => m[1]!.replaceAll('&amp;', '&'));
  return [...new Set(urls)];
}

/**
 * Downloads an image as a browser with no Referer would (platforms refuse other
 * sites' referers): redirects followed up to a limit, a time limit for the whole
 * transfer, the size limit counted as bytes arrive, and an answer that is not an
 * image refused. Only public addresses are fetched from, on every hop: an editor's
 * body cannot make the server reach its own network.
 */
export async function fetchRemoteImage(url: string, { timeoutMs = 15_000, maxRedirects = 5 }: FetchOptions = {}): Promise<Buffer> {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    assertPublicHost(new URL(current));
    let response: Awaited<ReturnType<typeof fetch>>;
    try {
      response = await fetch(current, { redirect: 'manual', signal, dispatcher: publicOnlyAgent(), headers: { accept: 'image/avif,image/webp,image/*;q=0.9' } });
    } catch (error) {
      const cause = (error as Error).cause;
      if (cause instanceof PrivateAddressError) throw cause;
      throw new Error(signal.aborted ? `超时（${timeoutMs / 1000} 秒内没有下载完）` : `无法连接：${(cause as Error | undefined)?.message ?? (error as Error).message}`);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      if (hop >= maxRedirects) throw new Error(`重定向超过 ${maxRedirects} 次`);
      current = new URL(location, current).toString();
      if (!/^https?:/.test(current)) throw new Error('重定向到了非 http(s) 地址');
      continue;
    }
    if (!response.ok) throw new Error(`服务器拒绝：HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('image/')) throw new Error(`返回的不是图片（${type.split(';')[0] || '未知类型'}）`);
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    try {
      for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
        size += part.value.length;
        if (size > MAX_IMAGE_BYTES) {
          await reader!.cancel();
          throw new Error(`图片超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
        }
        chunks.push(Buffer.from(part.value));
      }
    } catch (error) {
      throw signal.aborted ? new Error(`超时（${timeoutMs / 1000} 秒内没有下载完）`) : error;
    }
    return Buffer.concat(chunks);
  }
}

const fileNameOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() || 'image').slice(0, 200);

/**
 * Brings a body's remote images into the media library and points the body at
 * them; an image that cannot be fetched or is not a usable image stays as it was,
 * with the reason.
 */
export async function localiseBody(body: string, uploaderId: number | null, options?: FetchOptions): Promise<{ body: string; images: LocalisedImage[] }> {
  const images: LocalisedImage[] = [];
  let next = body;
  for (const url of remoteImageUrls(body)) {
    try {
      const item = await addImage(await fetchRemoteImage(url, options), fileNameOf(url), uploaderId);
      next = next.split(url).join(item.url).split(url.replaceAll('&', '&amp;')).join(item.url);
      images.push({ url, localUrl: item.url });
    } catch (error) {
      images.push({ url, error: (error as Error).message });
    }
  }
  return { body: next, images };
}

/** The revision note of a localisation: every original URL is kept there. */
export function localiseNote(images: LocalisedImage[]): string {
  const moved = images.filter((i) => i.localUrl);
  return `图片搬回本站（${moved.length} 张）：${moved.map((i) => `${i.url} → ${i.localUrl}`).join('；')}`.slice(0, 5000);
}
