import type { TocEntry } from '@/lib/render/enhance';

interface TableOfContentsProps {
  entries: TocEntry[];
}

export function TableOfContents({ entries }: TableOfContentsProps) {
  if (entries.length < 2) return null;
  const top = Math.min(...entries.map((e) => e.depth));
  return (
    <nav className="toc" aria-label="目录">
      <h2>目录</h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth > top ? `toc-depth-${entry.depth - top}` : undefined}>
            <a href={`#${encodeURIComponent(entry.id)}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
