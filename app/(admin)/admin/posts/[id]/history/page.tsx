import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FrontMatterDiff, RevisionDiff } from '@/components/admin/revision-diff';
import { SiteTime } from '@/components/admin/site-time';
import { requireEditor } from '@/lib/auth/session';
import { restoreRevisionAction } from '@/lib/posts/actions';
import { getPostTitle } from '@/lib/posts/admin-queries';
import { diffBodyWithBudget } from '@/lib/render/diff-budget';
import { diffFrontMatter, diffStats } from '@/lib/revisions/diff';
import { fieldName } from '@/lib/revisions/field-labels';
import { siteTimeZone } from '@/lib/settings/time-zone';
import { getRevisionPair, listRevisionSummaries, type RevisionSummary } from '@/lib/revisions/queries';

export const metadata: Metadata = { title: '修订历史' };

/** What a revision changed, as saved with it; the first has nothing before it. */
const changesOf = (revision: RevisionSummary) =>
  revision.number === 1 ? '初始版本' : revision.changedFields.length ? revision.changedFields.map(fieldName).join('、') : '无改动';

export default async function HistoryPage({ params, searchParams }: PageProps<'/admin/posts/[id]/history'>) {
  await requireEditor();
  const id = Number((await params).id);
  const post = Number.isInteger(id) ? await getPostTitle(id) : null;
  if (!post) notFound();
  const revisions = await listRevisionSummaries(post.id);
  const query = await searchParams;
  const pick = (key: string, fallback: number) => {
    const n = Number(Array.isArray(query[key]) ? query[key][0] : query[key]);
    return revisions.some((r) => r.number === n) ? n : fallback;
  };
  const newest = revisions[0]!.number;
  const to = pick('to', newest);
  const from = pick('from', Math.max(1, to - 1));
  const mode = query.mode === 'inline' ? 'inline' : 'split';
  const { left, right } = (await getRevisionPair(post.id, from, to))!;
  const { rows, note } = await diffBodyWithBudget(left.body, right.body);
  const stats = diffStats(rows);

  return (
    <>
      <h1>修订历史：{post.title}</h1>
      <p>
        <Link href={`/admin/posts/${post.id}`}>← 返回编辑</Link> · 共 {revisions.length} 个版本，全部保留。
        {query.restored ? <span role="status"> 已将版本 {String(query.restored)} 恢复为新版本 {String(query.version)}。</span> : null}
      </p>
      <RevisionTable postId={post.id} revisions={revisions} timeZone={await siteTimeZone()} />

      <section aria-labelledby="compare-title">
        <h2 id="compare-title">
          对比版本 {from} 与 {to}
        </h2>
        <form className="admin-filters" aria-label="选择要对比的版本">
          <RevisionSelect name="from" label="旧版本" value={from} numbers={revisions.map((r) => r.number)} />
          <RevisionSelect name="to" label="新版本" value={to} numbers={revisions.map((r) => r.number)} />
          <label>
            显示
            <select name="mode" defaultValue={mode}>
              <option value="split">左右对照</option>
              <option value="inline">行内</option>
            </select>
          </label>
          <button type="submit">对比</button>
        </form>
        <h3>字段</h3>
        <FrontMatterDiff changes={diffFrontMatter(left.frontMatter, right.frontMatter)} showUnchanged={false} />
        <h3>
          正文 <span className="count">（+{stats.added} −{stats.removed} 行）</span>
        </h3>
        <RevisionDiff rows={rows} note={note} mode={mode} />
      </section>
    </>
  );
}

/** Every revision, newest first: who, when, why and what changed (stored with it), with links to compare and restore. */
function RevisionTable({ postId, revisions, timeZone }: { postId: number; revisions: RevisionSummary[]; timeZone: string }) {
  const newest = revisions[0]?.number;
  return (
    <table className="admin-table">
      <caption className="visually-hidden">全部修订</caption>
      <thead>
        <tr>
          <th scope="col">版本</th>
          <th scope="col">作者</th>
          <th scope="col">时间</th>
          <th scope="col">说明</th>
          <th scope="col">改动</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((revision, index) => {
          const previous = revisions[index + 1];
          return (
            <tr key={revision.number}>
              <td>{revision.number}</td>
              <td>{revision.author?.email ?? '导入'}</td>
              <td>
                <SiteTime date={revision.createdAt} timeZone={timeZone} />
              </td>
              <td>{revision.message}</td>
              <td>{changesOf(revision)}</td>
              <td>
                {previous ? <Link href={`?from=${previous.number}&to=${revision.number}`}>对比上一版</Link> : null}
                {revision.number !== newest ? (
                  <form action={restoreRevisionAction} className="inline-form">
                    <input type="hidden" name="postId" value={postId} />
                    <input type="hidden" name="number" value={revision.number} />
                    <label>
                      <input type="checkbox" name="restoreStatus" /> 连同发布状态
                    </label>
                    <button type="submit">恢复此版本</button>
                  </form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RevisionSelect({ name, label, value, numbers }: { name: string; label: string; value: number; numbers: number[] }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
