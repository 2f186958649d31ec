import { createLookupCache } from '@/lib/cache/lookup-cache';
import { db } from '@/lib/db';
import { PUBLIC_POST_SQL } from '@/lib/listing/visibility';

const oldPostSlugs = createLookupCache('post-redirects', async () => {
  const rows = await db.$queryRawUnsafe<{ slug: string; target: string }[]>(
    `SELECT r.slug, p.slug AS target FROM slug_redirects r JOIN posts p ON p.id = r.post_id WHERE ${PUBLIC_POST_SQL}`,
  );
  return rows.map((r) => [r.slug, r.target]);
});

const mergedTagSlugs = createLookupCache('tag-redirects', async () => {
  const rows = await db.tagRedirect.findMany({ select: { slug: true, tag: { select: { slug: true } } } });
  return rows.map((r) => [r.slug, r.tag.slug]);
});

/** The current slug an old post slug points to, if its post is public. */
export const findRedirect = oldPostSlugs.get;

/** The tag a merged tag's slug now points to. */
export const findTagRedirect = mergedTagSlugs.get;
