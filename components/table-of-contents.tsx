import type { TocEntry } from '@/lib/render/enhance';

interface TableOfContentsProps {
  entries: TocEntry[];
}

export function TableOfContents({ entries }: TableOfContentsProps) {
  if (entries.length < 2) return null;
  const top = Math.min(...entries.map((e) => e.depth));
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">目录</h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className={`toc-depth-${entry.depth - top}`}>
            <a href={`#${encodeURIComponent(entry.id)}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
