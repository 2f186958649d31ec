import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ArticleBody } from '@/components/article-body';
import { PostMeta } from '@/components/post-meta';
import { TableOfContents } from '@/components/table-of-contents';
import { formatSiteTime } from '@/lib/dates/site-time';
import { getDraftPreview } from '@/lib/posts/preview';
import { siteTimeZone } from '@/lib/settings/time-zone';

export const metadata: Metadata = { title: '草稿预览', robots: { index: false, follow: false } };

// Per request and never kept: the web server passes /preview/ by its response cache (lib/server/request-handler.ts).
export const instant = false;

/** An unpublished post in the public theme, for whoever holds a signed, unexpired link. */
export default async function DraftPreviewPage({ params }: PageProps<'/preview/[token]'>) {
  await connection();
  const post = await getDraftPreview((await params).token);
  if (!post) notFound();
  return (
    <article className="article">
      <p className="preview-note" role="note">
        草稿预览：尚未发布，请勿转发。此链接于 {formatSiteTime(post.expiresAt, await siteTimeZone())} 失效。
      </p>
      <header className="article-header">
        <h1>{post.title}</h1>
        <PostMeta post={post} />
      </header>
      <TableOfContents entries={post.toc} />
      <ArticleBody html={post.html} />
    </article>
  );
}
