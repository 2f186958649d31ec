import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file of the app and its commands, tests and generated code aside. */
function sourceFiles(): string[] {
  const files = ['proxy.ts', 'next.config.mjs', 'instrumentation.ts'].filter((f) => existsSync(f));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (file !== path.join('lib', 'generated')) walk(file);
      } else if (/\.(c|m)?(t|j)sx?$/.test(entry.name) && !/\.test\.|\.d\.c?ts$/.test(entry.name)) {
        files.push(file);
      }
    }
  };
  ['app', 'components', 'lib', 'scripts'].forEach(walk);
  return files;
}

const sources = sourceFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('documented APIs only', () => {
  it("imports no package's private path", () => {
    // A module specifier (import, export … from, require, import()) into a package's build output.
    const privatePath = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"]((?:next|mdx-bundler)\/dist\/[^'"]*|prisma\/build\/[^'"]*|@prisma\/[^/'"]+\/(?:dist|build|runtime)\/[^'"]*)['"]/g;
    const found = sources.flatMap(({ file, text }) => [...text.matchAll(privatePath)].map((m) => `${file}: ${m[1]}`));
    expect(found).toEqual([]);
  });

  it('expires public cache tags through revalidatePublic alone, so every instance hears of it', () => {
    // Next's own expiry functions reach only this process; lib/cache/revalidate.ts also tells Postgres.
    const direct = /\{[^}]*\b(revalidateTag|updateTag)\b[^}]*\}\s*(?:from\s*|=\s*await\s+import\(\s*)['"]next\/cache['"]/;
    // revalidatePath only refreshes an admin page for the editor who just acted (admin pages are never cached).
    const publicPath = /\brevalidatePath\(\s*(?!['"`]\/admin\b)/;
    const found = sources
      .filter(({ file, text }) => file !== path.join('lib', 'cache', 'revalidate.ts') && (direct.test(text) || publicPath.test(text)))
      .map(({ file }) => file);
    expect(found).toEqual([]);
  });

  it('leaves expiring public pages to the post write module, so one place decides what a change touched', () => {
    const allowed = [path.join('lib', 'cache', 'revalidate.ts'), path.join('lib', 'posts', 'write.ts')];
    const found = sources.filter(({ file, text }) => !allowed.includes(file) && /\brevalidatePublic\b|\btagsFor\b/.test(text)).map(({ file }) => file);
    expect(found).toEqual([]);
  });
});
