import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import type { TocEntry } from '@/lib/render/enhance';
import { NEWEST_FIRST } from './visibility';

export interface TermLink {
  name: string;
  slug: string;
}

export interface PostSummary {
  id: number;
  slug: string;
  title: string;
  description: string | null;
  publishedAt: Date;
  utcOffset: number;
  readingMinutes: number;
  tags: TermLink[];
}

export interface PostView extends PostSummary {
  keywords: string | null;
  html: string;
  toc: TocEntry[];
  categories: TermLink[];
  coverImage: string | null;
  coverAlt: string | null;
  sourceUrl: string | null;
  updatedAt: Date;
}

export interface Paginated<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export const summarySelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  publishedAt: true,
  utcOffset: true,
  readingMinutes: true,
  tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: { position: 'asc' } },
} satisfies Prisma.PostSelect;

type SummaryRow = Prisma.PostGetPayload<{ select: typeof summarySelect }>;

export function toSummary(row: SummaryRow): PostSummary {
  return { ...row, tags: row.tags.map((t) => t.tag) };
}

/** One page of posts matching `where`, newest first, with the page count. Call inside a cached read. */
export async function pageOfPosts(where: Prisma.PostWhereInput, page: number, pageSize: number): Promise<Paginated<PostSummary>> {
  const [total, rows] = await Promise.all([
    db.post.count({ where }),
    db.post.findMany({
      where,
      orderBy: NEWEST_FIRST,
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: summarySelect,
    }),
  ]);
  return { items: rows.map(toSummary), page, pageCount: Math.ceil(total / pageSize), total };
}
