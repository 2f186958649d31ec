import { cacheLife, cacheTag } from 'next/cache';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import { isBuildPhase, PAGE_SIZE, PUBLIC_POST_SQL } from '@/lib/posts/visibility';
import type { Paginated } from '@/lib/posts/views';
import { highlight, queryTerms, toTsQuery, type SnippetPart } from './query';

export interface SearchHit {
  slug: string;
  title: SnippetPart[];
  snippet: SnippetPart[];
  publishedAt: Date;
  utcOffset: number;
}

interface Row {
  slug: string;
  title: string;
  published_at: Date;
  utc_offset: number;
  snippet: string;
  total: bigint;
}

const SNIPPET_BEFORE = 40;
const SNIPPET_LENGTH = 160;

/**
 * Full-text search over title, description, tags and body, ranked, with a
 * snippet around the first match. Works for Chinese because text and query are
 * segmented into words the same way (Intl.Segmenter) before Postgres sees them.
 */
export async function searchPosts(query: string, page: number): Promise<Paginated<SearchHit> & { terms: string[] }> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  const terms = queryTerms(query);
  const tsquery = toTsQuery(terms);
  if (isBuildPhase() || !tsquery) return { items: [], page, pageCount: 0, total: 0, terms };
  const anchor = [...terms].sort((a, b) => b.length - a.length)[0]!;
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT p.slug, p.title, p.published_at, p.utc_offset, count(*) OVER () AS total,
            substring(p.search_text FROM greatest(1, strpos(lower(p.search_text), $2) - ${SNIPPET_BEFORE}) FOR ${SNIPPET_LENGTH}) AS snippet
     FROM posts p, to_tsquery('simple', $1) q
     WHERE p.search_vector @@ q AND ${PUBLIC_POST_SQL}
     ORDER BY ts_rank_cd(p.search_vector, q) DESC, p.published_at DESC, p.id DESC
     LIMIT ${PAGE_SIZE} OFFSET $3`,
    tsquery,
    anchor,
    (page - 1) * PAGE_SIZE,
  );
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.map((r) => ({
      slug: r.slug,
      title: highlight(r.title, terms),
      snippet: highlight(r.snippet, terms),
      publishedAt: r.published_at,
      utcOffset: r.utc_offset,
    })),
    page,
    pageCount: Math.ceil(total / PAGE_SIZE),
    total,
    terms,
  };
}
