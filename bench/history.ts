// Standalone: npx tsx --conditions=react-server bench/history.ts [--revisions 1000] [--kb 100] [--server-url postgres://…]
import { parseArgs } from 'node:util';
import { disconnectDb, db } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { savePost } from '@/lib/posts/write';
import { closeSharedRenderPool } from '@/lib/render/budget';
import { diffBodyWithBudget } from '@/lib/render/diff-budget';
import { getRevisionPair, listRevisionSummaries } from '@/lib/revisions/queries';
import { createUser } from '@/lib/users/mutations';
import { freshDatabase } from './import';

/**
 * What the history page loads for a post with many large revisions: the list
 * (metadata only) and the two revisions it compares, then their diff. Issue 16's
 * goal: 1,000 revisions of a 100 KB post open in under a second.
 */
async function measureHistory(revisions: number, kb: number) {
  const paragraph = '大模型的知识有截止日期，检索增强生成把最新的资料交给它。\n';
  const body = paragraph.repeat(Math.ceil((kb * 1024) / Buffer.byteLength(paragraph)));
  const authorId = (await createUser({ email: 'history-bench@example.com', role: 'editor', password: 'a long enough password' })).id;
  const snapshot = {
    slug: 'history-bench', title: '历史', description: null, keywords: null, publishedAt: new Date(), utcOffset: 480, status: 'draft' as const,
    format: 'markdown' as const, body, sourceId: null, sourceUrl: null, coverImage: null, coverAlt: null,
    featuredImage: null, featuredImagePreview: null, tags: [], categories: [], extra: {},
  };
  const created = await savePost({ snapshot, authorId });
  if (created.kind !== 'saved') throw new Error(`not saved: ${created.kind}`);
  const postId = created.saved.id;
  // Later revisions as saves would store them: each changes one line of the body.
  await db.$executeRaw`
    INSERT INTO revisions (post_id, number, front_matter, format, body, content_hash, author_id, message, changed_fields)
    SELECT r.post_id, n, r.front_matter, r.format, r.body || '第 ' || n || ' 次修改。', md5(n::text), r.author_id, NULL, ARRAY['body']
    FROM revisions r, generate_series(2, ${revisions}) AS n WHERE r.post_id = ${postId} AND r.number = 1`;
  await db.post.update({ where: { id: postId }, data: { version: revisions } });

  const started = performance.now();
  const list = await listRevisionSummaries(postId);
  const listed = performance.now();
  const pair = await getRevisionPair(postId, revisions - 1, revisions);
  const loaded = performance.now();
  const diff = await diffBodyWithBudget(pair!.left.body, pair!.right.body);
  const done = performance.now();
  const ms = (n: number) => Math.round(n);
  return { revisions: list.length, bodyKB: kb, listMs: ms(listed - started), pairMs: ms(loaded - listed), diffMs: ms(done - loaded), totalMs: ms(done - started), diffRows: diff.rows.length };
}

const { values } = parseArgs({ options: { revisions: { type: 'string', default: '1000' }, kb: { type: 'string', default: '100' }, 'server-url': { type: 'string' } } });
const database = await freshDatabase(values['server-url']);
try {
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  console.log(JSON.stringify(await measureHistory(Number(values.revisions), Number(values.kb))));
} finally {
  await Promise.all([disconnectDb(), closeSharedRenderPool()]);
  await database.cleanup();
}
process.exit(0);
