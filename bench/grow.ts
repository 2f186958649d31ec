import pg from 'pg';

/** Columns copied verbatim from the source post; the rest are made unique or spread. */
const COPIED = [
  'title', 'description', 'keywords', 'utc_offset', 'status', 'format', 'body', 'source_url', 'cover_image', 'cover_alt',
  'featured_image', 'featured_image_preview', 'extra', 'deleted_at', 'html', 'toc', 'search_text', 'reading_minutes',
  'render_hash', 'search_vector',
];

/**
 * Adds rows to `table` until it holds `target`, in one transaction with a fixed random seed
 * (the same data every run), then analyses `analyse` so the planner sees the new sizes.
 * `fill` gets how many rows there are and how many are missing, and returns how many it added.
 */
async function grow(
  databaseUrl: string,
  { table, target, seed, analyse }: { table: string; target: number; seed: number; analyse: string },
  fill: (client: pg.Client, rows: { have: number; missing: number }) => Promise<number>,
): Promise<{ added: number; seconds: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    const [{ count }] = (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`)).rows as [{ count: number }];
    if (count >= target) return { added: 0, seconds: 0 };
    await client.query('BEGIN');
    await client.query('SELECT setseed($1)', [seed]);
    const added = await fill(client, { have: count, missing: target - count });
    await client.query('COMMIT');
    await client.query(`VACUUM ANALYZE ${analyse}`);
    return { added, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Grows the database to `target` posts by cloning the first `baseCount` (imported)
 * posts inside Postgres: new ids, unique slugs and source ids, dates spread over ten
 * years, the same html and search vector, the source's tags and categories (so the
 * tag distribution holds) and one revision each. Seconds, where importing would take minutes.
 */
export async function growPosts(databaseUrl: string, baseCount: number, target: number): Promise<{ added: number; seconds: number }> {
  return grow(databaseUrl, { table: 'posts', target, seed: 0.5, analyse: 'posts, post_tags, post_categories, revisions, tags' }, async (client, { have, missing }) => {
    await client.query(
      `CREATE TEMP TABLE clone_map ON COMMIT DROP AS
       SELECT g, b.id AS src_id, b.slug || '-c' || g AS slug
       FROM generate_series($1::int, $2::int) g
       JOIN (SELECT id, slug, row_number() OVER (ORDER BY id) - 1 AS k FROM posts ORDER BY id LIMIT $3) b ON b.k = g % $3`,
      [have, have + missing - 1, baseCount],
    );
    await client.query(
      `INSERT INTO posts (slug, source_id, published_at, created_at, updated_at, version, ${COPIED.join(', ')})
       SELECT m.slug, CASE WHEN b.source_id IS NULL THEN NULL ELSE b.source_id || '-c' || m.g END,
              now() - random() * interval '3650 days', b.created_at, b.updated_at, 1, ${COPIED.map((c) => `b.${c}`).join(', ')}
       FROM clone_map m JOIN posts b ON b.id = m.src_id`,
    );
    await client.query('CREATE INDEX ON clone_map (slug)');
    await client.query(`CREATE TEMP TABLE clone_ids ON COMMIT DROP AS SELECT m.src_id, p.id FROM clone_map m JOIN posts p ON p.slug = m.slug`);
    await client.query(`INSERT INTO post_tags (post_id, tag_id, position) SELECT c.id, t.tag_id, t.position FROM clone_ids c JOIN post_tags t ON t.post_id = c.src_id`);
    await client.query(
      `INSERT INTO post_categories (post_id, category_id, position)
       SELECT c.id, t.category_id, t.position FROM clone_ids c JOIN post_categories t ON t.post_id = c.src_id`,
    );
    await client.query(
      `INSERT INTO revisions (post_id, number, front_matter, format, body, content_hash, message, created_at)
       SELECT c.id, 1, r.front_matter || jsonb_build_object('slug', p.slug), r.format, r.body, r.content_hash, 'bench clone', p.created_at
       FROM clone_ids c JOIN posts p ON p.id = c.id
       JOIN LATERAL (SELECT * FROM revisions WHERE post_id = c.src_id ORDER BY number DESC LIMIT 1) r ON true`,
    );
    return missing;
  });
}

/**
 * Grows the tags to `target` (issue 13's 10,000): names of three CJK characters (so the
 * pinyin order has work to do) with a serial, each on a few random posts — a long tail
 * beside the corpus's common tags — and one in ten on none (what "delete unused" is for).
 */
export async function growTags(databaseUrl: string, target: number): Promise<{ added: number; seconds: number }> {
  return grow(databaseUrl, { table: 'tags', target, seed: 0.25, analyse: 'tags, post_tags, tag_post_counts' }, async (client, { missing }) => {
    const { rows } = await client.query<{ id: number; g: number }>(
      `INSERT INTO tags (name, name_key, slug)
       SELECT n, n, n FROM (
         SELECT g, chr((19968 + (g::bigint * 7919) % 20902)::int) || chr((19968 + (g::bigint * 104729) % 20902)::int) || chr((19968 + (g::bigint * 1299709) % 20902)::int) || g AS n
         FROM generate_series(1, $1::int) g
       ) s
       ON CONFLICT DO NOTHING RETURNING id, (regexp_match(name, '\\d+$'))[1]::int AS g`,
      [missing],
    );
    await client.query(
      `INSERT INTO post_tags (post_id, tag_id, position)
       SELECT p.id, t.id, 100
       FROM unnest($1::int[], $2::int[]) AS t(id, g)
       CROSS JOIN LATERAL (SELECT 1 + floor(random() * (SELECT max(id) FROM posts))::int + k * 0 AS id FROM generate_series(1, t.g % 10 * 2) k) r
       JOIN posts p ON p.id = r.id
       ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.id), rows.map((r) => r.g)],
    );
    return rows.length;
  });
}
