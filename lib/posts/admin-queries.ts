import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import { postWithTermsInclude } from './snapshot';

export const ADMIN_PAGE_SIZE = 25;

export interface AdminPostFilter {
  q?: string;
  status?: 'draft' | 'published' | 'scheduled';
  tag?: string;
  sort?: 'updated' | 'published' | 'title';
  page?: number;
  /** 'trash' lists trashed posts; otherwise trashed posts are left out. */
  view?: 'trash';
}

/** Every post an editor may see, drafts and trash included, filtered, sorted and paginated. */
export async function listAdminPosts(filter: AdminPostFilter) {
  const where: Prisma.PostWhereInput = {
    deletedAt: filter.view === 'trash' ? { not: null } : null,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.tag ? { tags: { some: { tag: { slug: filter.tag } } } } : {}),
    ...(filter.q
      ? { OR: [{ title: { contains: filter.q, mode: 'insensitive' } }, { slug: { contains: filter.q, mode: 'insensitive' } }] }
      : {}),
  };
  const orderBy: Prisma.PostOrderByWithRelationInput[] =
    filter.sort === 'title' ? [{ title: 'asc' }] : filter.sort === 'published' ? [{ publishedAt: 'desc' }] : [{ updatedAt: 'desc' }];
  const page = Math.max(1, filter.page ?? 1);
  const [total, posts] = await Promise.all([
    db.post.count({ where }),
    db.post.findMany({
      where,
      orderBy: [...orderBy, { id: 'desc' }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        slug: true,
        status: true,
        publishedAt: true,
        utcOffset: true,
        updatedAt: true,
        deletedAt: true,
        version: true,
        tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: { position: 'asc' } },
      },
    }),
  ]);
  return { posts, total, page, pageCount: Math.ceil(total / ADMIN_PAGE_SIZE) };
}

/** A post with its terms, for the editor; trashed posts included. */
export function getPostForEdit(id: number) {
  return db.post.findUnique({ where: { id }, include: postWithTermsInclude });
}

/** A post's id and title, for pages about it that need no more (its history); trashed posts included. */
export function getPostTitle(id: number) {
  return db.post.findUnique({ where: { id }, select: { id: true, title: true } });
}

/** The source id (artid) a post keeps across editors' saves; null when the post does not exist. */
export function getPostSourceId(id: number) {
  return db.post.findUnique({ where: { id }, select: { sourceId: true } });
}
