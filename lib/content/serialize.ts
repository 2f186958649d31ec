import YAML from 'yaml';
import { wallClock } from '@/lib/dates/offset-date';
import { frontMatterOf } from './front-matter';
import type { PostSnapshot } from '@/lib/validations/post';

const EXTENSIONS = { markdown: 'md', mdx: 'mdx', html: 'html' } as const;

/** YAML with tags and categories as flow lists (`['a', 'b']`), as the source files write them. */
export function stringifyFrontMatter(data: Record<string, unknown>): string {
  const document = new YAML.Document(data, { schema: 'core' });
  YAML.visit(document, {
    Pair(_, pair) {
      if (YAML.isScalar(pair.key) && ['tags', 'categories'].includes(String(pair.key.value)) && YAML.isSeq(pair.value)) {
        pair.value.flow = true;
      }
    },
  });
  return document.toString({ lineWidth: 0, singleQuote: true, flowCollectionPadding: false });
}

/** A post as a front-matter file: `2024-09-09-<slug>.md` and its text. */
export function serializePost(snapshot: PostSnapshot): { fileName: string; text: string } {
  const { year, month, day } = wallClock({ instant: snapshot.publishedAt, offsetMinutes: snapshot.utcOffset });
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const text = `---\n${stringifyFrontMatter(frontMatterOf(snapshot))}---\n${snapshot.body}\n`;
  return { fileName: `${date}-${snapshot.slug}.${EXTENSIONS[snapshot.format]}`, text };
}
