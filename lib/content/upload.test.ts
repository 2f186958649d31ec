import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sourcesFromUpload } from './upload';

const file = (name: string, bytes: Uint8Array) => new File([Buffer.from(bytes)], name);

describe('sourcesFromUpload', () => {
  it('opens a zip in memory, keeping post files only and never a path', async () => {
    const zip = zipSync({
      '../../etc/2024-01-01-escape.md': strToU8('---\ntitle: x\n---\n'),
      'posts/2024-12-20-ollama-local-deploy.txt': readFileSync('content/2024-12-20-ollama-local-deploy.txt'),
      '__MACOSX/._junk.md': strToU8('junk'),
      'notes.docx': strToU8('no'),
    });
    const sources = await sourcesFromUpload([file('batch.zip', zip), file('single.md', strToU8('---\ntitle: y\n---\n'))]);
    expect(sources.map((s) => s.name)).toEqual(['batch.zip/2024-01-01-escape.md', 'batch.zip/2024-12-20-ollama-local-deploy.txt', 'single.md']);
    expect(new TextDecoder().decode(await sources[1]!.read())).toContain('Ollama');
  });

  it('refuses a zip bomb without expanding it', async () => {
    const bomb = zipSync({ '2024-01-01-bomb.md': new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const [source] = await sourcesFromUpload([file('bomb.zip', bomb)]);
    await expect(source!.read()).rejects.toThrow(/zip refused: .* unpacks to more than 25 MB/);
  });
});
