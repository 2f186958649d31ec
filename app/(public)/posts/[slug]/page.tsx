import type { Metadata } from 'next';
// Formulas are typeset at save time (lib/render/math.ts); KaTeX's styles and fonts (scripts/katex-css.mjs) are built into /_next/static.
import '@/app/katex.css';
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
import { getSiteSettings, publicOrigin } from '@/lib/settings/read';
import { alternatesFor, defaultSocialImage, postPath, siteConfig } from '@/lib/site';

// A placeholder keeps the route cacheable without reading the database at build;
// real posts render on their first request and are then served from the cache.
export const generateStaticParams = async () => [{ slug: '__placeholder__' }];

export async function generateMetadata({ params }: PageProps<'/posts/[slug]'>): Promise<Metadata> {
  const post = await getPublishedPost(decodeParam((await params).slug));
  if (!post) return {};
  const images = post.coverImage ? [{ url: post.coverImage, alt: post.coverAlt ?? post.title }] : [defaultSocialImage];
  const description = excerptOf(post.description) ?? undefined;
  return {
    title: post.title,
    description,
    authors: [{ name: post.author ?? siteConfig.author }],
    keywords: post.keywords ?? undefined,
    alternates: alternatesFor(postPath(post.slug)),
    openGraph: {
      type: 'article',
      title: post.title,
      description,
      url: postPath(post.slug),
      siteName: (await getSiteSettings()).title,
      locale: siteConfig.locale,
      publishedTime: isoWithOffset(post),
      modifiedTime: post.updatedAt.toISOString(),
      tags: post.tags.map((t) => t.name),
      images,
    },
    twitter: { card: 'summary_large_image', title: post.title, description, images },
  };
}

export default async function PostPage({ params }: PageProps<'/posts/[slug]'>) {
  const post = await getPublishedPost(decodeParam((await params).slug));
  if (!post) notFound();
  const [neighbours, related] = await Promise.all([
    getNeighbours({ id: post.id, slug: post.slug, publishedAt: post.publishedAt }),
    getRelatedPosts(post.id, post.tags.map((t) => t.slug)),
  ]);
  const url = new URL(postPath(post.slug), await publicOrigin()).toString();
  return (
    <article className="article">
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'BlogPosting',
          headline: post.title,
          description: excerptOf(post.description) ?? undefined,
          keywords: post.keywords ?? undefined,
          datePublished: isoWithOffset(post),
          dateModified: post.updatedAt.toISOString(),
          inLanguage: siteConfig.lang,
          author: { '@type': 'Person', name: post.author ?? siteConfig.author },
          image: post.coverImage ?? undefined,
          url,
          mainEntityOfPage: url,
          ...(post.sourceUrl ? { isBasedOn: post.sourceUrl } : {}),
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
          <a href={post.sourceUrl} rel="noopener noreferrer nofollow">
            {post.sourceUrl}
          </a>
        </p>
      ) : null}
      <PostNavigation neighbours={neighbours} related={related} />
    </article>
  );
}
