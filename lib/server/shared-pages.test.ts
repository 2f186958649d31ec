import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Files under `dir` that render public pages (draft previews, never kept, and the admin's components aside). */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\./.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}preview${path.sep}`) && !f.startsWith(path.join('components', 'admin')));
}

describe('pages the web server keeps for every reader', () => {
  it('read nothing of the reader: no cookie, header, session or draft mode', () => {
    // public-responses.ts keeps articles and searches, rendered per request, for everyone.
    const perReader = /\b(cookies|headers|draftMode|getServerSession|auth)\s*\(/;
    const scanned = [...files('app/(public)'), ...files('components')];
    expect(scanned).toContain(path.join('app', '(public)', 'posts', '[slug]', 'page.tsx'));
    const found = scanned.filter((f) => perReader.test(readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('read the query string only on the search page, the one page kept per query (responseCacheKey)', () => {
    const readers = [...files('app/(public)'), ...files('components')].filter((f) => /\b(useS|s)earchParams\b/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([path.join('app', '(public)', 'search', 'page.tsx')]);
  });
});
