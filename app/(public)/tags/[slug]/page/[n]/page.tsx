import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TermPage, termMetadata } from '@/components/term-page';
import { decodeParam, parsePageParam } from '@/lib/params';

export const generateStaticParams = async () => [{ slug: '__placeholder__', n: '2' }];

export async function generateMetadata({ params }: PageProps<'/tags/[slug]/page/[n]'>): Promise<Metadata> {
  const { slug, n } = await params;
  return termMetadata('tag', decodeParam(slug), parsePageParam(n) ?? 1);
}

export default async function Page({ params }: PageProps<'/tags/[slug]/page/[n]'>) {
  const { slug, n } = await params;
  const page = parsePageParam(n);
  if (!page) notFound();
  return <TermPage kind="tag" slug={decodeParam(slug)} page={page} />;
}
