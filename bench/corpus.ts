import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeSourceUrl } from '@/lib/content/source-url';

/**
 * A synthetic corpus of post files in the shapes CONTENT-FORMAT.md describes:
 * Chinese generative-AI prose, long-tail tags, mostly Markdown with some MDX and
 * platform HTML. The same seed always writes the same bytes.
 */

/** mulberry32: small, fast and good enough for test data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof prng>;

const NOUNS = [
  '大模型', '大语言模型', '生成式人工智能', '提示词', '提示工程', '向量数据库', '知识库', '检索增强生成', '微调', '指令微调',
  '预训练', '推理', '量化', '显存', '算力', '训练数据', '数据集', '评测集', '上下文窗口', '注意力机制', '多头注意力',
  '位置编码', '词表', '分词器', '损失函数', '学习率', '梯度', '参数量', '权重', '检查点', '扩散模型', '文生图', '图生图',
  '采样器', '去噪', '潜空间', '变分自编码器', '控制网络', '智能体', '工具调用', '函数调用', '工作流', '多模态', '视觉编码器',
  '语音识别', '语音合成', '幻觉', '对齐', '人类反馈强化学习', '奖励模型', '偏好数据', '安全护栏', '内容审核', '开源社区',
  '推理服务', '批处理', '流式输出', '首字延迟', '吞吐量', '并发', '缓存', '长文本', '召回率', '准确率', '重排序', '嵌入向量',
  '相似度', '余弦距离', '切块策略', '元数据', '本地部署', '云端接口', '私有化部署', '应用场景', '业务流程', '用户体验',
];
const VERBS = [
  '提升', '降低', '优化', '评估', '部署', '训练', '加载', '切分', '检索', '生成', '对比', '调整', '压缩', '蒸馏', '复现',
  '监控', '拆解', '封装', '调用', '验证', '改进', '分析', '统计', '缓存', '合并', '筛选', '标注', '清洗', '重建', '迁移',
];
const ADVERBS = ['显著地', '明显', '大幅', '逐步', '稳定地', '直接', '反复', '尽量', '悄悄', '自动'];
const OPENERS = [
  '在实际项目中，', '简单来说，', '需要注意的是，', '从经验来看，', '换句话说，', '举个例子，', '一般而言，', '值得一提的是，',
  '很多同学会问：', '实测下来，', '理论上，', '首先，', '其次，', '最后，', '另外，', '因此，', '不过，', '如果预算有限，',
];
const CONNECTORS = ['，同时', '，并且', '，但是', '，从而', '，进而', '，所以', '，而', '；另一方面，'];
const ENGLISH = [
  'LLM', 'RAG', 'LoRA', 'QLoRA', 'Transformer', 'GPT-4o', 'Llama 3', 'Qwen2.5', 'DeepSeek', 'ChatGLM', 'Stable Diffusion',
  'SDXL', 'ControlNet', 'ComfyUI', 'LangChain', 'LlamaIndex', 'vLLM', 'Ollama', 'FAISS', 'Milvus', 'Chroma', 'Embedding',
  'Rerank', 'Top-K', 'Prompt', 'Agent', 'ReAct', 'CoT', 'KV Cache', 'FlashAttention', 'GGUF', 'AWQ', 'GPTQ', 'BF16',
  'PyTorch', 'CUDA', 'Hugging Face', 'Docker', 'FastAPI', 'OpenAI API', 'token', 'batch size', 'epoch',
];
const CODE_SPANS = [
  '`pip install -U transformers`', '`torch.cuda.is_available()`', '`max_new_tokens=512`', '`temperature=0.7`',
  '`ollama run qwen2.5:7b`', '`--load-in-4bit`', '`model.generate()`', '`top_p`', '`git lfs pull`', '`nvidia-smi`',
  '`chunk_size=500`', '`docker compose up -d`', '`export HF_ENDPOINT=https://hf-mirror.com`', '`lora_r=8`',
];
const PROMO = ['如果觉得本文有帮助，欢迎点赞收藏！', '有问题欢迎在评论区留言交流。', '关注我，持续分享 AIGC 干货。'];

const CODE_BLOCKS: readonly [string, string][] = [
  ['python', 'from transformers import AutoModelForCausalLM, AutoTokenizer\n\nname = "Qwen/Qwen2.5-7B-Instruct"\ntokenizer = AutoTokenizer.from_pretrained(name)\nmodel = AutoModelForCausalLM.from_pretrained(name, device_map="auto")\ninputs = tokenizer("你好，介绍一下你自己", return_tensors="pt").to(model.device)\nprint(tokenizer.decode(model.generate(**inputs, max_new_tokens=128)[0]))'],
  ['python', 'def split_text(text: str, size: int = 500, overlap: int = 50) -> list[str]:\n    chunks = []\n    for start in range(0, len(text), size - overlap):\n        chunks.append(text[start:start + size])\n    return chunks'],
  ['bash', 'conda create -n sd python=3.10 -y\nconda activate sd\ngit clone https://github.com/AUTOMATIC1111/stable-diffusion-webui.git\ncd stable-diffusion-webui && ./webui.sh --xformers'],
  ['json', '{\n  "model": "gpt-4o-mini",\n  "messages": [{"role": "user", "content": "用一句话解释 RAG"}],\n  "temperature": 0.2\n}'],
  ['yaml', 'lora:\n  r: 8\n  alpha: 16\n  dropout: 0.05\ntrain:\n  epochs: 3\n  lr: 2e-4'],
  ['javascript', 'const res = await fetch("http://localhost:11434/api/generate", {\n  method: "POST",\n  body: JSON.stringify({ model: "llama3", prompt: "你好" }),\n});\nconsole.log(await res.json());'],
];

const CATEGORIES = ['人工智能', '大模型', 'AIGC', '深度学习', '机器学习', 'Python', '杂谈', '未分类', '自然语言处理', '计算机视觉', '工具'];

/** ~500 tag names, most common first: real terms, then compounds, then rare fragments. */
const TAG_POOL: readonly string[] = (() => {
  const base = [
    'AIGC', '人工智能', '大模型', 'LLM', 'Python', 'RAG', 'chatgpt', 'AI绘画', 'stable diffusion', '深度学习', 'Prompt',
    'LoRA', '微调', 'Agent', 'LangChain', 'Embedding', '向量数据库', 'Transformer', 'pytorch', '机器学习', 'AI编程',
    'Ollama', 'DeepSeek', 'Qwen', 'Llama', 'ComfyUI', 'ControlNet', '多模态', '自然语言处理', '计算机视觉', 'GPT',
    'vLLM', '量化', '知识库', 'AI写作', 'Midjourney', 'Copilot', 'Hugging Face', 'transformers', 'CUDA', 'Docker',
  ];
  const casings = ['Aigc', 'aigc', 'Llm', 'Ai', 'ai', 'Rag', 'ChatGPT', 'Stable', 'diffusion', 'Pytorch', 'prompt'];
  const prefixes = ['AI', '大模型', 'LLM', '开源', '本地', '生成式', 'GPT', '多模态', '中文', '企业级'];
  const suffixes = ['应用', '部署', '教程', '实战', '原理', '评测', '入门', '优化', '工具', '面试', '论文', '笔记', '框架', '安全', '推理'];
  const names = [...base, ...casings];
  for (const suffix of suffixes) for (const prefix of prefixes) names.push(`${prefix}${suffix}`);
  for (const word of NOUNS) names.push(word);
  for (let i = 0; names.length < 500; i++) names.push(`${ENGLISH[i % ENGLISH.length]!.replace(/\s+/g, '')}-${i}`);
  return names.slice(0, 500);
})();

/** Zipf-like (s≈1.1) cumulative weights over the tag pool. */
const TAG_CDF = (() => {
  const weights = TAG_POOL.map((_, rank) => 1 / Math.pow(rank + 1, 1.1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
})();

function zipfTag(rng: Rng): string {
  const u = rng.next();
  let lo = 0;
  let hi = TAG_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (TAG_CDF[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return TAG_POOL[lo]!;
}

function sentence(rng: Rng, inline: boolean): string {
  let s = rng.chance(0.3) ? rng.pick(OPENERS) : '';
  const clauses = rng.int(1, 3);
  for (let c = 0; c < clauses; c++) {
    if (c > 0) s += rng.pick(CONNECTORS);
    s += `${rng.pick(NOUNS)}${rng.chance(0.3) ? rng.pick(ADVERBS) : ''}${rng.pick(VERBS)}了${rng.pick(NOUNS)}`;
    if (rng.chance(0.35)) s += `（${rng.pick(ENGLISH)}）`;
    else if (rng.chance(0.2)) s += ` ${rng.pick(ENGLISH)} 的${rng.pick(NOUNS)}`;
    if (inline && rng.chance(0.12)) s += `，可以用 ${rng.pick(CODE_SPANS)} 验证`;
  }
  return s + rng.pick(['。', '。', '。', '！', '？']);
}

function paragraph(rng: Rng, inline = true): string {
  const text = Array.from({ length: rng.int(2, 6) }, () => sentence(rng, inline)).join('');
  return rng.chance(0.2) ? text.replace(/^(.{4,12}?)，/, '**$1**，') : text;
}

const imageUrl = (rng: Rng) =>
  `https://i-blog.csdnimg.cn/direct/${Math.floor(rng.next() * 2 ** 52).toString(16).padStart(13, '0')}.png${rng.pick(['', '#pic_center', '?x-image-process=image/resize,m_fixed,h_224'])}`;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Markdown blocks; MDX adds components and avoids `{` `<` in prose (MDX would read them as code). */
function markdownBody(rng: Rng, title: string, targetBytes: number, mdx: boolean): string {
  const blocks: string[] = [];
  if (rng.chance(0.6)) blocks.push(`# ${title}`);
  let bytes = 0;
  let section = 0;
  const add = (block: string) => {
    blocks.push(block);
    bytes += Buffer.byteLength(block);
  };
  add(paragraph(rng));
  while (bytes < targetBytes) {
    if (rng.chance(0.45) || section === 0) {
      add(`## ${NUMERALS[section % 10]}、${rng.chance(0.3) ? `**${rng.pick(NOUNS)}${rng.pick(VERBS)}**` : `${rng.pick(NOUNS)}与${rng.pick(NOUNS)}`}`);
      section++;
    } else if (rng.chance(0.3)) add(`### ${rng.pick(ENGLISH)} ${rng.pick(NOUNS)}`);
    const kind = rng.next();
    if (kind < 0.45) add(paragraph(rng));
    else if (kind < 0.58) add(Array.from({ length: rng.int(2, 6) }, () => `- ${sentence(rng, true)}`).join('\n'));
    else if (kind < 0.68) add(Array.from({ length: rng.int(2, 6) }, (_, i) => `${i + 1}. ${sentence(rng, true)}`).join('\n'));
    else if (kind < 0.78) {
      if (mdx && rng.chance(0.5)) add(`<Figure src="${imageUrl(rng)}" alt="${rng.pick(NOUNS)}示意图" caption="${rng.pick(NOUNS)}" />`);
      else add(`![${rng.pick(NOUNS)}示意图](${imageUrl(rng)})`);
    } else if (kind < 0.86) {
      const [lang, code] = rng.pick(CODE_BLOCKS);
      add(`\`\`\`${lang}\n${code}\n\`\`\``);
    } else if (kind < 0.9) add(`> ${sentence(rng, false)}`);
    else if (kind < 0.93) {
      const rows = Array.from({ length: rng.int(2, 4) }, () => `| ${rng.pick(ENGLISH)} | ${rng.int(1, 99)} | ${rng.pick(NOUNS)} |`);
      add(['| 名称 | 数值 | 备注 |', '|---|---|---|', ...rows].join('\n'));
    } else if (mdx && kind < 0.97) {
      add(`<Callout type="${rng.pick(['info', 'tip', 'warning', 'danger'])}">\n${paragraph(rng)}\n</Callout>`);
    } else add(rng.chance(0.5) ? '---' : paragraph(rng));
  }
  if (rng.chance(0.3)) add(rng.pick(PROMO));
  return blocks.join('\n\n');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The platform's HTML export: page chrome around `#content_views`, and the hidden source-URL element. */
function platformHtmlBody(rng: Rng, title: string, date: string, targetBytes: number, sourceUrl: string): string {
  const parts: string[] = [];
  let bytes = 0;
  let section = 0;
  const add = (html: string) => {
    parts.push(`    ${html}`);
    bytes += Buffer.byteLength(html);
  };
  add('<svg xmlns="http://www.w3.org/2000/svg" style="display: none;"><path stroke-linecap="round" d="M5,0 0,2.5 5,5z" id="raphael-marker-block"></path></svg>');
  add('<p></p>');
  add(`<p>${inlineHtml(paragraph(rng))}</p>`);
  while (bytes < targetBytes) {
    if (rng.chance(0.4) || section === 0) {
      section++;
      add(`<h2><a id="${section}__${rng.int(1, 99)}"></a>${section}. ${rng.pick(NOUNS)}与${rng.pick(NOUNS)}</h2>`);
    }
    const kind = rng.next();
    if (kind < 0.55) add(`<p>${inlineHtml(paragraph(rng))}</p>`);
    else if (kind < 0.72) add(`<ul>${Array.from({ length: rng.int(2, 5) }, () => `<li>${inlineHtml(sentence(rng, true))}</li>`).join('')}</ul>`);
    else if (kind < 0.8) add(`<ol>${Array.from({ length: rng.int(2, 5) }, () => `<li>${inlineHtml(sentence(rng, true))}</li>`).join('')}</ol>`);
    else if (kind < 0.9) add(`<p><img src="${imageUrl(rng)}" alt="${rng.pick(NOUNS)}"></p>`);
    else {
      const [lang, code] = rng.pick(CODE_BLOCKS);
      add(`<pre><code class="language-${lang}">${escapeHtml(code)}</code></pre>`);
    }
    if (rng.chance(0.1)) add('<p><br/></p>');
  }
  return [
    '<div class="blog-content-box">',
    ' <div class="article-header-box">',
    '  <div class="article-header">',
    '   <div class="article-title-box">',
    `    <h1 class="title-article" id="articleContentId">${escapeHtml(title)}</h1>`,
    '   </div>',
    '   <div class="article-info-box">',
    `    <span class="time">于&nbsp;${date.slice(0, 19)}&nbsp;发布</span>`,
    '   </div>',
    '  </div>',
    ' </div>',
    ' <article class="baidu_pl">',
    '  <div id="article_content" class="article_content clearfix">',
    '   <link rel="stylesheet" href="../../assets/css/kdoc_html_views-1a98987dfd.css">',
    `   <div id="content_views" class="${rng.pick(['markdown_views prism-atom-one-dark', 'htmledit_views'])}">`,
    ...parts,
    '   </div>',
    '  </div>',
    ' </article>',
    `<p alt="${encodeSourceUrl(sourceUrl)}" class_="artid" style="display:none"></p>`,
    '</div>',
  ].join('\n');
}

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
