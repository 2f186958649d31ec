import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeSourceUrl } from '@/lib/content/source-url';
import { markdownBody, platformHtmlBody } from './bodies';
import { CATEGORIES, ENGLISH, NOUNS, paragraph, prng, VERBS, zipfTag, type Rng } from './words';

/**
 * A synthetic corpus of post files in the shapes CONTENT-FORMAT.md describes:
 * Chinese generative-AI prose, long-tail tags, mostly Markdown with some MDX and
 * platform HTML. The same seed always writes the same bytes.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const yamlString = (text: string) => JSON.stringify(text);

/** Body length in bytes: mostly 1–6 KB, a tail of long posts. */
function bodyBytes(rng: Rng): number {
  const u = rng.next();
  if (u < 0.06) return rng.int(300, 1000);
  if (u < 0.9) return rng.int(1000, 6000);
  if (u < 0.98) return rng.int(6000, 20000);
  return rng.int(20000, 60000);
}

interface GeneratedPost {
  fileName: string;
  text: string;
}

const START = Date.UTC(2019, 0, 1);
const SPAN_MS = Date.UTC(2025, 11, 31) - START;

export function generatePost(index: number, seed: number): GeneratedPost {
  const rng = prng(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
  const artid = String(100_000_000 + index * 10 + rng.int(0, 9));
  const slug = `${rng.pick(['llm', 'aigc', 'rag', 'sd', 'agent', 'prompt', 'lora', 'embedding', 'deploy', 'notes'])}-${rng.pick(['guide', 'practice', 'review', 'tips', 'intro', 'deep-dive', 'faq', 'case'])}-${index}`;
  // Minute resolution: the instant, and the offset written in both forms the platform uses.
  const local = new Date(START + Math.floor((rng.next() * SPAN_MS) / 60000) * 60000);
  const day = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const date = `${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(rng.int(0, 59))} ${rng.chance(0.7) ? '+0800' : '+08:00'}`;
  const title = `${rng.pick(ENGLISH)} ${rng.pick(NOUNS)}${rng.pick(['实战', '入门', '详解', '踩坑记录', '原理与实现', '从零到一', '最佳实践'])}：${rng.pick(NOUNS)}${rng.pick(VERBS)}${rng.pick(['指南', '笔记', '总结', '全流程'])}`;
  const tags = Array.from({ length: rng.int(1, 8) }, () => zipfTag(rng));
  const categories = Array.from({ length: rng.int(1, 2) }, () => rng.pick(CATEGORIES));
  const sourceUrl = `https://blog.csdn.net/qq_${rng.int(10000000, 99999999)}/article/details/${artid}`;

  const u = rng.next();
  const format = u < 0.8 ? 'markdown' : u < 0.9 ? 'mdx' : 'html';
  const extension = format === 'mdx' ? 'mdx' : format === 'html' ? rng.pick(['html', 'html', 'txt']) : rng.pick(['md', 'md', 'md', 'markdown', 'txt']);
  const body =
    format === 'html'
      ? platformHtmlBody(rng, title, date, bodyBytes(rng), sourceUrl)
      : markdownBody(rng, title, bodyBytes(rng), format === 'mdx');
  const cover = rng.int(1, 1000);
  const lines = [
    '---',
    'layout: post',
    `title: ${yamlString(title)}`,
    `date: ${date}`,
    `description: ${yamlString(paragraph(rng, false).slice(0, 50))}`,
    `keywords: ${tags.join(' ')}`,
    `categories: [${categories.map((c) => `'${c}'`).join(', ')}]`,
    `tags: [${tags.map((t) => `'${t}'`).join(', ')}]`,
    `artid: ${rng.chance(0.5) ? `'${artid}'` : `"${artid}"`}`,
    ...(format !== 'html' && rng.chance(0.7) ? [`arturl_encode: "${encodeSourceUrl(sourceUrl)}"`] : []),
    ...(rng.chance(0.5) ? [`slug: ${slug}`] : []),
    rng.chance(0.5) ? `image: {path: https://picsum.photos/800/600?random=${cover}, alt: 文章封面}` : `image:\n  path: https://picsum.photos/800/600?random=${cover}\n  alt: 文章封面`,
    ...(rng.chance(0.8) ? [`featuredImage: https://picsum.photos/800/600?random=${cover}`] : []),
    ...(rng.chance(0.5) ? [`featuredImagePreview: https://picsum.photos/400/300?random=${cover}`] : []),
    ...(rng.chance(0.05) ? ['published: false'] : []),
    ...(rng.chance(0.2) ? ['toc: true'] : []),
    '---',
    '',
  ];
  const text = `${lines.join('\n')}${body}${rng.chance(0.9) ? '\n' : ''}`;
  return { fileName: `${day}-${slug}.${extension}`, text };
}

/** Writes `size` post files into `dir` (created if missing). */
export async function writeCorpus(dir: string, options: { size: number; seed?: number }): Promise<{ files: number; bytes: number }> {
  const seed = options.seed ?? 1;
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  const BATCH = 64;
  for (let start = 0; start < options.size; start += BATCH) {
    const posts = Array.from({ length: Math.min(BATCH, options.size - start) }, (_, i) => generatePost(start + i, seed));
    await Promise.all(
      posts.map((post) => {
        const data = Buffer.from(post.text, 'utf8');
        bytes += data.length;
        return writeFile(path.join(dir, post.fileName), data);
      }),
    );
  }
  return { files: options.size, bytes };
}
