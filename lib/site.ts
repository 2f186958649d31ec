/** Site-wide settings that are not secrets. */
export const siteConfig = {
  name: '生成式 AI 笔记',
  description: '关于大模型、AIGC 与生成式 AI 工程实践的中文博客。',
  lang: 'zh-CN',
  /** Offset for a front-matter date that names none: China Standard Time. */
  defaultUtcOffset: 8 * 60,
} as const;
