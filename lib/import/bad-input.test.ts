import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { connectTestDatabase } from '@/test/database';
import type { SourceFile } from '@/lib/content/files';
import { importSources } from './import';

const GOOD = '2024-09-09-rag-retrieval-augmented-generation.md';
const good = readFileSync(`content/${GOOD}`, 'utf8');
const source = (name: string, content: string | Uint8Array): SourceFile => ({
  name,
  read: async () => (typeof content === 'string' ? new TextEncoder().encode(content) : content),
});
/** The good file with its front matter's `key: …` line replaced. */
const withField = (key: string, line: string) => good.replace(new RegExp(`^${key}: .*$`, 'm'), line);

async function snapshotOfDatabase() {
  const posts = await db.post.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } });
  const revisions = await db.revision.findMany({ orderBy: { id: 'asc' }, select: { id: true, postId: true, number: true, contentHash: true } });
  return { posts, revisions };
}

beforeAll(async () => {
  await connectTestDatabase();
  const seeded = await importSources([source(GOOD, good), source('2023-11-14-prompt-engineering-tips.markdown', readFileSync('content/2023-11-14-prompt-engineering-tips.markdown'))]);
  expect(seeded.counts.imported).toBe(2);
});
afterAll(() => disconnectDb());

describe('the bad-input corpus', () => {
  it('refuses every broken file with a clear reason and changes nothing already saved', async () => {
    const before = await snapshotOfDatabase();
    const nested = `${'<div>'.repeat(50_000)}x${'</div>'.repeat(50_000)}`;
    const corpus: [string, string | Uint8Array, RegExp][] = [
      ['invalid-yaml.md', good.replace(/^title: .*$/m, 'title: "unclosed'), /文件头 YAML 有误/],
      ['no-front-matter.md', good.replace(/^---\n[\s\S]*?\n---\n/, ''), /没有文件头/],
      ['unclosed.md', good.split('\n---\n')[0]!, /没有以一行/],
      ['binary.md', Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff]), /不是 UTF-8|二进制/],
      ['gbk.md', Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xb4, 0xf3, 0xc4, 0xa3, 0xd0, 0xcd]), Buffer.from('\n---\n')]), /不是 UTF-8/],
      ['impossible-date.md', withField('date', 'date: 2024-02-30 25:61:00 +08:00'), /date: .*不是有效的日期/],
      ['huge-body.md', `${good}\n${'字'.repeat(6_000_000)}`, /正文超过 5,000,000 个字符/],
      ['ten-thousand-tags.md', withField('tags', `tags: [${Array.from({ length: 10_000 }, (_, i) => `t${i}`).join(', ')}]`), /tags: 超过 100 个名称/],
      ['deep.html', withField('title', 'title: 深层嵌套').replace(/^artid: .*$/m, "artid: '999000222'").replace(/\n---\n[\s\S]*$/, `\n---\n${nested}`), /HTML 元素嵌套过深/],
      ['alias-bomb.md', good.replace(/^layout: post$/m, 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'), /Excessive alias count/],
      ['javascript-front-matter.md', `---js\n{ title: require('child_process').execSync('id').toString() }\n---\nbody`, /不接受/],
      ['taken-slug.md', withField('artid', "artid: '999000111'").replace(/^layout: post$/m, 'layout: post\nslug: prompt-engineering-tips'), /网址别名“prompt-engineering-tips”已被文章/],
      ['2024-09-09-rag-retrieval-augmented-generation.md', withField('title', 'title: 同一个 artid 的第二份'), /重复的 (slug "rag-retrieval-augmented-generation"|artid 142034981)：也出现在/],
      ['../../etc/passwd.md', 'root:x:0:0', /没有文件头/],
    ];
    // The good file first, so the batch duplicate has something to clash with.
    const report = await importSources([source(GOOD, good), ...corpus.map(([name, content]) => source(name, content))]);
    const reasons = Object.fromEntries(report.results.filter((r) => r.status === 'failed').map((r) => [r.file, r.reason ?? '']));
    for (const [name, , reason] of corpus) expect(reasons[name], name).toMatch(reason);
    expect(report.counts).toMatchObject({ failed: corpus.length, imported: 0, updated: 0 });
    expect(await snapshotOfDatabase()).toEqual(before);
    console.log(`bad input: ${corpus.length} files refused with reasons, ${report.counts.unchanged} unchanged, database unchanged`);
  });

  it('accepts a BOM and CRLF line ends as the same post', async () => {
    const before = await snapshotOfDatabase();
    const report = await importSources([source(GOOD, `\uFEFF${good.replace(/\n/g, '\r\n')}`)]);
    expect(report.counts.unchanged).toBe(1);
    expect(await snapshotOfDatabase()).toEqual(before);
  });
});
