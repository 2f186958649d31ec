import { describe, expect, it } from 'vitest';
import { flagsOf, parseAutoExplainLog } from './explain';

const LOG = `2026-11-25 06:27:23.488 UTC [30752] LOG:  received SIGHUP, reloading configuration files
2026-11-25 06:27:23.999 UTC [30771] LOG:  duration: 412.500 ms  plan:
	Query Text: SELECT "public"."posts"."slug" FROM "public"."posts"
	WHERE "public"."posts"."status" = CAST($1::text AS "public"."PostStatus")
	ORDER BY "public"."posts"."published_at" DESC
	Query Parameters: $1 = 'published'
	Sort  (cost=9000.00..9250.00 rows=100000 width=40) (actual time=380.1..400.2 rows=100000.00 loops=1)
	  Sort Key: published_at DESC
	  Sort Method: external merge  Disk: 5000kB
	  ->  Seq Scan on posts  (cost=0.00..5000.00 rows=100000 width=40) (actual time=0.01..120.5 rows=100000.00 loops=1)
	        Filter: (status = 'published'::"PostStatus")
2026-11-25 06:27:24.100 UTC [30771] LOG:  duration: 0.050 ms  plan:
	Query Text: SELECT 1 FROM posts WHERE slug = $1
	Query Parameters: $1 = 'hello'
	Index Only Scan using posts_slug_key on posts  (cost=0.29..8.31 rows=1 width=0) (actual time=0.02..0.02 rows=1.00 loops=1)
	  Index Cond: (slug = 'hello'::text)
`;

describe('auto_explain log parsing', () => {
  it('splits each logged statement into its SQL, parameters and plan', () => {
    const entries = parseAutoExplainLog(LOG);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.sql).toContain('ORDER BY "public"."posts"."published_at" DESC');
    expect(entries[0]!.sql).not.toContain('Query Parameters');
    expect(entries[0]!.parameters).toBe("$1 = 'published'");
    expect(entries[0]!.durationMs).toBe(412.5);
    expect(entries[0]!.plan.split('\n')[0]).toMatch(/^Sort {2}\(cost=/);
    expect(entries[1]!.plan).toContain('Index Only Scan using posts_slug_key');
  });

  it('flags a Seq Scan over posts, a large on-disk sort, many rows and slowness, and nothing in an index lookup', () => {
    const [scan, lookup] = parseAutoExplainLog(LOG);
    expect(flagsOf(scan!.plan, scan!.durationMs)).toEqual([
      'Large sort (100000 rows, on disk)',
      'Seq Scan on posts',
      'Reads 100000 rows in one node',
      'Slow (413 ms)',
    ]);
    expect(flagsOf(lookup!.plan, lookup!.durationMs)).toEqual([]);
  });

  it('flags an index scan that filters away most of the table to find one row', () => {
    const plan = [
      'Limit  (cost=0.42..1.02 rows=1 width=89) (actual time=292.9..292.9 rows=1.00 loops=1)',
      '  ->  Index Scan using posts_public_feed_idx on posts  (cost=0.42..44793.69 rows=75080 width=89) (actual time=292.9..292.9 rows=1.00 loops=1)',
      '        Rows Removed by Filter: 75000',
    ].join('\n');
    expect(flagsOf(plan, 292.9)).toEqual(['Reads 75000 rows in one node', 'Slow (293 ms)']);
  });
});
