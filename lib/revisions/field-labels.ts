/** Chinese names of front-matter keys and revision parts; the key itself is kept beside as a hint. */
const FIELD_LABELS: Record<string, string> = {
  layout: '版式',
  title: '标题',
  date: '发布时间',
  slug: '网址别名',
  description: '摘要',
  keywords: '关键词',
  categories: '分类',
  tags: '标签',
  artid: '来源编号',
  source_url: '原文链接',
  arturl_encode: '原文链接（编码）',
  image: '封面图片',
  featuredImage: '特色图片',
  featuredImagePreview: '特色图片缩略图',
  published: '是否发布',
  status: '状态',
  format: '正文格式',
  body: '正文',
};

/** `标题（title）`; a key without a Chinese name is shown as it is. */
export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field];
  return label ? `${label}（${field}）` : field;
}

/** The Chinese name alone (`标题`), for lists where the hint would crowd the line. */
export function fieldName(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
