import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article-body';
import { JsonLd } from '@/components/json-ld';
import { PostMeta } from '@/components/post-meta';
import { PostNavigation } from '@/components/post-navigation';
import { TableOfContents } from '@/components/table-of-contents';
import { TermLinks } from '@/components/term-links';
import { decodeParam } from '@/lib/params';
import { excerptOf } from '@/lib/render/excerpt';
import { isoWithOffset } from '@/lib/posts/format';
import { getNeighbours, getPublishedPost, getRelatedPosts } from '@/lib/posts/public';
import { defaultSocialImageOf, pageAlternates } from '@/lib/settings/read';
import { postPath, siteConfig } from '@/lib/site';

// Rendered per request, whole (readers run no script, so nothing may stream in later), from the
// cached reads below; the web server keeps the finished page until a write expires it. A page of
// Next's route cache would cost two renders when its reads are cold (a crawler's walk after an edit).
export const instant = false;

export async function generateMetadata({ params }: PageProps<'/posts/[slug]'>): Promise<Metadata> {
  const post = await getPublishedPost(decodeParam((await params).slug));
  if (!post) return {};
  const images = post.coverImage ? [{ url: post.coverImage, alt: post.coverAlt ?? post.title }] : [await defaultSocialImageOf()];
  const description = excerptOf(post.description) ?? undefined;
  // Each fact once: the canonical link is the URL, the title the site's name, the byline and JSON-LD the author,
  // JSON-LD the modification date, the tag links the tags; X reads the Open Graph tags
  // (lib/server/lean-html.ts drops the twitter:* copies Next adds).
  return {
    title: post.title,
    description,
    keywords: post.keywords ?? undefined,
    alternates: await pageAlternates(postPath(post.slug)),
    openGraph: {
      type: 'article',
      title: post.title,
      description,
      locale: siteConfig.locale,
      publishedTime: isoWithOffset(post),
      images,
    },
    twitter: { card: 'summary_large_image' },
  };
}

export default async function PostPage({ params }: PageProps<'/posts/[slug]'>) {
  const post = await getPublishedPost(decodeParam((await params).slug));
  if (!post) notFound();
  const [neighbours, related] = await Promise.all([
    getNeighbours({ id: post.id, slug: post.slug, publishedAt: post.publishedAt }),
    getRelatedPosts(post.id, post.tags.map((t) => t.slug)),
  ]);
  return (
    <article className="article">
      {/* Article data, kept to what search engines read for an article; the URL, description and image are in <head>. */}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'BlogPosting',
          headline: post.title,
          datePublished: isoWithOffset(post),
          dateModified: post.updatedAt.toISOString(),
          inLanguage: siteConfig.lang,
          author: { '@type': 'Person', name: post.author ?? siteConfig.author },
        }}
      />
      <header className="article-header">
        <h1>{post.title}</h1>
        <PostMeta post={post} author={post.author ?? siteConfig.author} />
        <TermLinks terms={post.categories} kind="category" label="分类" />
        <TermLinks terms={post.tags} kind="tag" label="标签" />
      </header>
      {post.coverImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- remote covers on unreachable hosts: no optimisation, never block
        <img className="cover" src={post.coverImage} alt={post.coverAlt ?? ''} loading="lazy" decoding="async" referrerPolicy="no-referrer" />
      ) : null}
      <TableOfContents entries={post.toc} />
      <ArticleBody html={post.html} />
      {post.sourceUrl ? (
        <p className="source-link">
          原文链接：
          <a href={post.sourceUrl} rel="noreferrer nofollow">
            {post.sourceUrl}
          </a>
        </p>
      ) : null}
      <PostNavigation neighbours={neighbours} related={related} />
    </article>
  );
}
