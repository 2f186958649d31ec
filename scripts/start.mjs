// `npm start`: bundles the server's own TypeScript (scripts/serve.ts and the entries of its
// worker threads) with esbuild, then runs it in this process. Without tsx's module hooks at
// run time the server has no loader thread and no transformed sources to hold: about 90 MB
// less resident memory (bench/results/latest.md). `npm run dev` still runs serve.ts through tsx.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

/** Outside .next, which `next build` empties while serve.ts runs. */
const CACHE = path.resolve('node_modules/.cache/inkwell-server');

const { outputFiles } = await build({
  entryPoints: {
    serve: 'scripts/serve.ts',
    // Named as lib/server/front-thread.ts and the render pool look for them beside the bundle.
    'front-entry': 'lib/server/front-worker.ts',
    'render-worker': 'lib/render/render-worker.ts',
  },
  outdir: CACHE,
  write: false,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages load from node_modules as under tsx; only the project's own modules are bundled.
  packages: 'external',
  alias: { '@': path.resolve('.') },
  conditions: ['react-server'],
  // The project's CommonJS modules (lib/cache/*.cjs) call require().
  banner: { js: "import { createRequire as __inkwellRequire } from 'node:module'; const require = __inkwellRequire(import.meta.url);" },
  logLevel: 'warning',
});
// esbuild's service is a child process: it would stay beside the server for nothing.
await stop();

// A directory per content, each file renamed into place whole: instances starting together
// (and an older one still starting render workers) never read a file another is writing.
const hash = createHash('sha256');
for (const file of outputFiles) hash.update(file.path).update(file.contents);
const dir = path.join(CACHE, hash.digest('hex').slice(0, 16));
await mkdir(dir, { recursive: true });
for (const file of outputFiles) {
  const target = path.join(dir, path.basename(file.path));
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, file.contents);
  await rename(partial, target);
}

process.env.INKWELL_RENDER_WORKER = path.join(dir, 'render-worker.mjs');
await import(pathToFileURL(path.join(dir, 'serve.mjs')).href);
