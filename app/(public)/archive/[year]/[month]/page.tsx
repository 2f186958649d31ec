import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveMonthPage, archiveMonthMetadata } from '@/components/archive-month-page';
import { parseMonth } from '@/lib/params';

export const generateStaticParams = async () => [{ year: '2024', month: '01' }];

export async function generateMetadata({ params }: PageProps<'/archive/[year]/[month]'>): Promise<Metadata> {
  const { year, month } = await params;
  const at = parseMonth(year, month);
  return at ? archiveMonthMetadata(at.year, at.month) : {};
}

export default async function ArchiveMonth({ params }: PageProps<'/archive/[year]/[month]'>) {
  const { year, month } = await params;
  const at = parseMonth(year, month);
  if (!at) notFound();
  return <ArchiveMonthPage year={at.year} month={at.month} cursor={null} />;
}
