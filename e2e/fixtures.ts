import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** The tag names of the elements with a `nonce` attribute, found in the parsed page (not in its text). */
export function elementsWithNonce(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if ('nonce' in child.properties) found.push(child.tagName);
      walk(child);
    }
  };
  walk(unified().use(rehypeParse).parse(html));
  return found;
}

/** Facts about the sample posts in content/ that the browser tests rely on. */
export const samples = {
  rag: {
    slug: 'rag-retrieval-augmented-generation',
    title: 'RAG 检索增强生成从入门到落地：一文讲清原理与最小实现',
  },
  diffusion: { slug: 'diffusion-model-principle', title: '扩散模型原理通俗讲解：从 DDPM 到 Latent Diffusion' },
  mdx: { slug: 'embedding-rerank-practice' },
  drafts: [
    { slug: 'llm-quantization-gguf-awq-gptq', title: '大模型量化入门：INT8、INT4、GPTQ、AWQ 与 GGUF 一次讲明白' },
    { slug: 'multimodal-llm-overview', title: '多模态大模型综述：从 CLIP 到 GPT-4o，视觉与语言是怎样打通的' },
  ],
} as const;

/** Reads XML in the browser and returns the text of every node the selector finds, or null when it does not parse. */
export const parseXmlScript = ([xml, selector]: [string, string]) => {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.querySelector('parsererror')) return null;
  return [...doc.querySelectorAll(selector)].map((node) => node.textContent ?? '');
};

const locsIn = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

/** Every sitemap document, from the index at /sitemap.xml down, and every page URL they list. */
export async function readSitemaps(request: { get: (url: string) => Promise<{ text: () => Promise<string> }> }) {
  const index = await (await request.get('/sitemap.xml')).text();
  const documents = [index];
  for (const loc of locsIn(index)) documents.push(await (await request.get(new URL(loc).pathname)).text());
  return { index, documents, urls: documents.slice(1).flatMap(locsIn) };
}
