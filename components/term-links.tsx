import Link from 'next/link';
import type { TermLink } from '@/lib/listing/views';
import { categoryPath, tagPath } from '@/lib/site';

interface TermLinksProps {
  terms: TermLink[];
  kind: 'tag' | 'category';
  label: string;
}

export function TermLinks({ terms, kind, label }: TermLinksProps) {
  if (!terms.length) return null;
  const path = kind === 'tag' ? tagPath : categoryPath;
  return (
    <ul className={`term-links term-links-${kind}`} aria-label={label}>
      {terms.map((term) => (
        <li key={term.slug}>
          <Link href={path(term.slug)}>{kind === 'tag' ? `#${term.name}` : term.name}</Link>
        </li>
      ))}
    </ul>
  );
}
