import type { Prisma } from '@/lib/generated/prisma/client.ts';

/** Readers see published, untrashed posts whose time has come; drafts, scheduled and trashed posts never. */
export function publicPostWhere(now = new Date()): Prisma.PostWhereInput {
  return { status: 'published', deletedAt: null, publishedAt: { lte: now } };
}

/** The same rule for raw SQL over `posts p`. */
export const PUBLIC_POST_SQL = `p.status = 'published' AND p.deleted_at IS NULL AND p.published_at <= now()`;

/**
 * `next build` prerenders cached reads; the database may not exist there. Public
 * reads return nothing while building, and the server revalidates everything at
 * boot (scripts/serve.ts), so no build-time data is ever served.
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}

/** Posts per page of the public lists until the site settings say otherwise (lib/settings/read.ts). */
export const PAGE_SIZE = 10;

/** The public order of posts (index posts_public_feed_idx); id breaks ties between equal dates. */
export const NEWEST_FIRST: Prisma.PostOrderByWithRelationInput[] = [{ publishedAt: 'desc' }, { id: 'desc' }];
