import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TermPage, termMetadata } from '@/components/term-page';
import { decodeParam, parseCursor } from '@/lib/params';

export const generateStaticParams = async () => [{ slug: '__placeholder__', direction: 'before', id: '1' }];

export async function generateMetadata({ params }: PageProps<'/tags/[slug]/[direction]/[id]'>): Promise<Metadata> {
  const { slug, direction, id } = await params;
  const cursor = parseCursor(direction, id);
  return cursor ? termMetadata('tag', decodeParam(slug), cursor) : {};
}

export default async function Page({ params }: PageProps<'/tags/[slug]/[direction]/[id]'>) {
  const { slug, direction, id } = await params;
  const cursor = parseCursor(direction, id);
  if (!cursor) notFound();
  return <TermPage kind="tag" slug={decodeParam(slug)} cursor={cursor} />;
}
