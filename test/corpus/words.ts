/**
 * The vocabulary of the synthetic corpus (corpus.ts): Chinese generative-AI
 * prose, code, and a long tail of tags, drawn by a seeded generator.
 */

/** mulberry32: small, fast and good enough for test data. */
export function prng(seed: number) {
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
export type Rng = ReturnType<typeof prng>;

export const NOUNS = [
  '大模型', '大语言模型', '生成式人工智能', '提示词', '提示工程', '向量数据库', '知识库', '检索增强生成', '微调', '指令微调',
  '预训练', '推理', '量化', '显存', '算力', '训练数据', '数据集', '评测集', '上下文窗口', '注意力机制', '多头注意力',
  '位置编码', '词表', '分词器', '损失函数', '学习率', '梯度', '参数量', '权重', '检查点', '扩散模型', '文生图', '图生图',
  '采样器', '去噪', '潜空间', '变分自编码器', '控制网络', '智能体', '工具调用', '函数调用', '工作流', '多模态', '视觉编码器',
  '语音识别', '语音合成', '幻觉', '对齐', '人类反馈强化学习', '奖励模型', '偏好数据', '安全护栏', '内容审核', '开源社区',
  '推理服务', '批处理', '流式输出', '首字延迟', '吞吐量', '并发', '缓存', '长文本', '召回率', '准确率', '重排序', '嵌入向量',
  '相似度', '余弦距离', '切块策略', '元数据', '本地部署', '云端接口', '私有化部署', '应用场景', '业务流程', '用户体验',
];
export const VERBS = [
  '提升', '降低', '优化', '评估', '部署', '训练', '加载', '切分', '检索', '生成', '对比', '调整', '压缩', '蒸馏', '复现',
  '监控', '拆解', '封装', '调用', '验证', '改进', '分析', '统计', '缓存', '合并', '筛选', '标注', '清洗', '重建', '迁移',
];
const ADVERBS = ['显著地', '明显', '大幅', '逐步', '稳定地', '直接', '反复', '尽量', '悄悄', '自动'];
const OPENERS = [
  '在实际项目中，', '简单来说，', '需要注意的是，', '从经验来看，', '换句话说，', '举个例子，', '一般而言，', '值得一提的是，',
  '很多同学会问：', '实测下来，', '理论上，', '首先，', '其次，', '最后，', '另外，', '因此，', '不过，', '如果预算有限，',
];
const CONNECTORS = ['，同时', '，并且', '，但是', '，从而', '，进而', '，所以', '，而', '；另一方面，'];
export const ENGLISH = [
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
export const PROMO = ['如果觉得本文有帮助，欢迎点赞收藏！', '有问题欢迎在评论区留言交流。', '关注我，持续分享 AIGC 干货。'];

export const CODE_BLOCKS: readonly [string, string][] = [
  ['python', 'from transformers import AutoModelForCausalLM, AutoTokenizer\n\nname = "Qwen/Qwen2.5-7B-Instruct"\ntokenizer = AutoTokenizer.from_pretrained(name)\nmodel = AutoModelForCausalLM.from_pretrained(name, device_map="auto")\ninputs = tokenizer("你好，介绍一下你自己", return_tensors="pt").to(model.device)\nprint(tokenizer.decode(model.generate(**inputs, max_new_tokens=128)[0]))'],
  ['python', 'def split_text(text: str, size: int = 500, overlap: int = 50) -> list[str]:\n    chunks = []\n    for start in range(0, len(text), size - overlap):\n        chunks.append(text[start:start + size])\n    return chunks'],
  ['bash', 'conda create -n sd python=3.10 -y\nconda activate sd\ngit clone https://github.com/AUTOMATIC1111/stable-diffusion-webui.git\ncd stable-diffusion-webui && ./webui.sh --xformers'],
  ['json', '{\n  "model": "gpt-4o-mini",\n  "messages": [{"role": "user", "content": "用一句话解释 RAG"}],\n  "temperature": 0.2\n}'],
  ['yaml', 'lora:\n  r: 8\n  alpha: 16\n  dropout: 0.05\ntrain:\n  epochs: 3\n  lr: 2e-4'],
  ['javascript', 'const res = await fetch("http://localhost:11434/api/generate", {\n  method: "POST",\n  body: JSON.stringify({ model: "llama3", prompt: "你好" }),\n});\nconsole.log(await res.json());'],
];

export const CATEGORIES = ['人工智能', '大模型', 'AIGC', '深度学习', '机器学习', 'Python', '杂谈', '未分类', '自然语言处理', '计算机视觉', '工具'];

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

export function zipfTag(rng: Rng): string {
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

export function sentence(rng: Rng, inline: boolean): string {
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

export function paragraph(rng: Rng, inline = true): string {
  const text = Array.from({ length: rng.int(2, 6) }, () => sentence(rng, inline)).join('');
  return rng.chance(0.2) ? text.replace(/^(.{4,12}?)，/, '**$1**，') : text;
}

export const imageUrl = (rng: Rng) =>
  `https://i-blog.csdnimg.cn/direct/${Math.floor(rng.next() * 2 ** 52).toString(16).padStart(13, '0')}.png${rng.pick(['', '#pic_center', '?x-image-process=image/resize,m_fixed,h_224'])}`;
