import { cacheLife, cacheTag } from 'next/cache';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import { isBuildPhase, PUBLIC_POST_SQL } from '@/lib/listing/visibility';
import type { Paginated } from '@/lib/listing/views';
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
 * Ranking reads every candidate's vector, so a word in half of 100,000 posts
 * would cost seconds. Candidates are the newest matches, up to this many; the
 * reader narrows a broader query by adding words.
 */
export const MAX_CANDIDATES = 1000;

/**
 * Full-text search over title, description, tags and body, ranked, with a
 * snippet around the first match. Works for Chinese because text and query are
 * segmented into words the same way (Intl.Segmenter) before Postgres sees them.
 * `total` stops at MAX_CANDIDATES (`capped`).
 */
export async function searchPosts(query: string, page: number, perPage: number): Promise<Paginated<SearchHit> & { terms: string[]; capped: boolean }> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  const terms = queryTerms(query);
  const tsquery = toTsQuery(terms);
  if (isBuildPhase() || !tsquery) return { items: [], page, pageCount: 0, total: 0, terms, capped: false };
  const anchor = [...terms].sort((a, b) => b.length - a.length)[0]!;
  const rows = await db.$queryRawUnsafe<Row[]>(
    `WITH q AS (SELECT to_tsquery('simple', $1) AS q),
     candidates AS (
       SELECT p.id, p.slug, p.title, p.published_at, p.utc_offset, p.search_vector, p.search_text
       FROM posts p, q WHERE p.search_vector @@ q.q AND ${PUBLIC_POST_SQL}
       ORDER BY p.published_at DESC, p.id DESC LIMIT ${MAX_CANDIDATES}
     )
     SELECT c.slug, c.title, c.published_at, c.utc_offset, count(*) OVER () AS total,
            substring(c.search_text FROM greatest(1, strpos(lower(c.search_text), $2) - ${SNIPPET_BEFORE}) FOR ${SNIPPET_LENGTH}) AS snippet
     FROM candidates c, q
     ORDER BY ts_rank_cd(c.search_vector, q.q) DESC, c.published_at DESC, c.id DESC
     LIMIT $4 OFFSET $3`,
    tsquery,
    anchor,
    (page - 1) * perPage,
    perPage,
  );
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.map((r) => ({
      slug: r.slug,
      title: highlight(r.title, terms, query),
      snippet: highlight(r.snippet, terms, query),
      publishedAt: r.published_at,
      utcOffset: r.utc_offset,
    })),
    page,
    pageCount: Math.ceil(total / perPage),
    total,
    terms,
    capped: total >= MAX_CANDIDATES,
  };
}
