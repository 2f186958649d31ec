import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveMonthPage, archiveMonthMetadata } from '@/components/archive-month-page';
import { parseCursor, parseMonth } from '@/lib/params';

export const generateStaticParams = async () => [{ year: '2024', month: '01', direction: 'before', id: '1' }];

export async function generateMetadata({ params }: PageProps<'/archive/[year]/[month]/[direction]/[id]'>): Promise<Metadata> {
  const { year, month, direction, id } = await params;
  const [at, cursor] = [parseMonth(year, month), parseCursor(direction, id)];
  return at && cursor ? archiveMonthMetadata(at.year, at.month, cursor) : {};
}

export default async function ArchiveMonthWindow({ params }: PageProps<'/archive/[year]/[month]/[direction]/[id]'>) {
  const { year, month, direction, id } = await params;
  const [at, cursor] = [parseMonth(year, month), parseCursor(direction, id)];
  if (!at || !cursor) notFound();
  return <ArchiveMonthPage year={at.year} month={at.month} cursor={cursor} />;
}
