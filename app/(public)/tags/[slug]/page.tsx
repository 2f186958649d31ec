import type { Metadata } from 'next';
import { TermPage, termMetadata } from '@/components/term-page';
import { decodeParam } from '@/lib/params';

export const generateStaticParams = async () => [{ slug: '__placeholder__' }];

export async function generateMetadata({ params }: PageProps<'/tags/[slug]'>): Promise<Metadata> {
  return termMetadata('tag', decodeParam((await params).slug));
}

export default async function Page({ params }: PageProps<'/tags/[slug]'>) {
  return <TermPage kind="tag" slug={decodeParam((await params).slug)} cursor={null} />;
}
