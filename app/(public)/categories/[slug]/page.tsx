import type { Metadata } from 'next';
import { TermPage, termMetadata } from '@/components/term-page';
import { decodeParam } from '@/lib/params';

export const generateStaticParams = async () => [{ slug: '__placeholder__' }];

export async function generateMetadata({ params }: PageProps<'/categories/[slug]'>): Promise<Metadata> {
  return termMetadata('category', decodeParam((await params).slug));
}

export default async function Page({ params }: PageProps<'/categories/[slug]'>) {
  return <TermPage kind="category" slug={decodeParam((await params).slug)} cursor={null} />;
}
