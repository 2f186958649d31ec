import type { BenchDatabase } from './postgres';

export interface Targets {
  article: { slug: string; id: number; htmlBytes: number };
  tag: { slug: string; name: string; posts: number };
  searchTerm: { term: string; posts: number };
  /** A different published post, for the editor saves (so the measured article's cache stays put). */
  editorPostId: number;
}

const PUBLIC = `status = 'published' AND deleted_at IS NULL AND published_at <= now()`;

/** The pages the bench loads, chosen from the imported corpus so they stay the same as it grows. */
export async function pickTargets(database: BenchDatabase): Promise<Targets> {
  // The article of median size: typical, neither a stub nor the longest.
  const [article] = await database.query<{ slug: string; id: number; bytes: number }>(
    `SELECT slug, id, octet_length(html) AS bytes FROM posts WHERE ${PUBLIC}
     ORDER BY octet_length(html) OFFSET (SELECT count(*) / 2 FROM posts WHERE ${PUBLIC}) LIMIT 1`,
  );
  const [tag] = await database.query<{ slug: string; name: string; posts: number }>(
    `SELECT t.slug, t.name, count(*)::int AS posts FROM tags t JOIN post_tags pt ON pt.tag_id = t.id
     GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1`,
  );
  // A common Chinese word as segmented into the index: the commonest one in at most a quarter
  // of the posts (commoner words, in nearly every post, act as stop words rather than queries).
  const [term] = await database.query<{ word: string; ndoc: number }>(
    `SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM posts') WHERE word ~ '^[\\u4e00-\\u9fff]{2,}$'
       AND ndoc <= (SELECT count(*) / 4 FROM posts)
     ORDER BY ndoc DESC, word LIMIT 1`,
  );
  const [editor] = await database.query<{ id: number }>(
    `SELECT id FROM posts WHERE ${PUBLIC} AND format = 'markdown' AND id <> $1 ORDER BY id LIMIT 1`,
    [article!.id],
  );
  if (!article || !tag || !term || !editor) throw new Error('the corpus has no published post, tag or searchable word');
  return {
    article: { slug: article.slug, id: article.id, htmlBytes: article.bytes },
    tag,
    searchTerm: { term: term.word, posts: term.ndoc },
    editorPostId: editor.id,
  };
}

export const pagePaths = (t: Targets) => ({
  article: `/posts/${encodeURIComponent(t.article.slug)}`,
  home: '/',
  tag: `/tags/${encodeURIComponent(t.tag.slug)}`,
  search: `/search?q=${encodeURIComponent(t.searchTerm.term)}`,
  feed: '/feed.xml',
});

export type PageName = keyof ReturnType<typeof pagePaths>;
