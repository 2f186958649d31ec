import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { percentile, spread, type Spread } from './stats';

const require = createRequire(import.meta.url);
// The React build Next.js ships, so the request is encoded exactly as the editor's browser encodes it.
export const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

export interface EditorResult {
  postId: number;
  saves: number;
  p50: number;
  p95: number;
  /** p50 and p95 per block of saves, for the spread. */
  blocks: { p50: Spread; p95: Spread };
  samplesMs: number[];
}

export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench admin password 1' };

/** Creates the admin through the real CLI (scripts/user-create.ts). */
export function createAdmin(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/user-create.ts', '--email', BENCH_ADMIN.email, '--role', 'admin', '--password-stdin'],
      { env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => (error ? reject(new Error(`user:create failed: ${stdout}${stderr}`)) : resolve()),
    );
    child.stdin!.end(`${BENCH_ADMIN.password}\n`);
  });
}

function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through next-auth's credentials callback, as the login form does; returns the cookie header. */
export async function signIn(origin: string, user: { email: string; password: string } = BENCH_ADMIN): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, json: 'true' }),
  });
  cookiesFrom(response, jar);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in failed (${response.status})`);
  return cookieHeader(jar);
}

/** The id Next.js gave a server action (by its exported name) in this build. */
export async function actionIdOf(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === name);
  if (!found) throw new Error(`${name} is not in .next/server/server-reference-manifest.json`);
  return found[0];
}

/**
 * Sequential saves of one post through the real server action (the request the
 * editor's form sends: session check, validation, compile, revision write,
 * revalidation), each with a changed body. Times the whole HTTP round trip.
 */
export async function measureSaves(options: {
  origin: string;
  postId: number;
  form: Record<string, string>;
  version: number;
  saves: number;
  /** Saves before the measured ones, so the first request's route loading is not counted. */
  warmup?: number;
  /** Untimed work before each measured save, and after it with a text only that save's body holds. */
  beforeSave?: () => Promise<void>;
  afterSave?: (marker: string) => Promise<void>;
}): Promise<EditorResult> {
  const cookie = await signIn(options.origin);
  const actionId = await actionIdOf('savePostAction');
  let version = options.version;
  const samples: number[] = [];
  const warmup = options.warmup ?? 3;
  for (let i = 0; i < warmup + options.saves; i++) {
    const marker = `基准测试第 ${i + 1} 次保存（${Date.now().toString(36)}）`;
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...options.form, body: `${options.form.body}\n\n${marker}：修改正文。\n`, message: `bench ${i + 1}` })) {
      form.set(k, v);
    }
    form.set('postId', String(options.postId));
    form.set('version', String(version));
    const body = await encodeReply([{ status: 'idle' }, form]);
    if (i >= warmup) await options.beforeSave?.();
    const started = performance.now();
    const response = await fetch(`${options.origin}/admin/posts/${options.postId}`, {
      method: 'POST',
      headers: { 'next-action': actionId, accept: 'text/x-component', origin: options.origin, cookie },
      body,
    });
    const text = await response.text();
    if (i >= warmup) samples.push(performance.now() - started);
    const saved = /"status":"saved"[^}]*?"version":(\d+)/.exec(text) ?? /"version":(\d+)[^}]*?"status":"saved"/.exec(text);
    if (!response.ok || !saved) throw new Error(`save ${i + 1} did not succeed (${response.status}): ${text.slice(0, 300)}`);
    version = Number(saved[1]);
    if (i >= warmup) await options.afterSave?.(marker);
  }
  const blockSize = Math.max(5, Math.floor(samples.length / 3));
  const blocks = [];
  for (let i = 0; i + blockSize <= samples.length; i += blockSize) blocks.push(samples.slice(i, i + blockSize));
  return {
    postId: options.postId,
    saves: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    blocks: { p50: spread(blocks.map((b) => percentile(b, 50))), p95: spread(blocks.map((b) => percentile(b, 95))) },
    samplesMs: samples.map((s) => Math.round(s * 10) / 10),
  };
}

/** Loads the post's editor form values through the app's own mappers, then measures the saves. */
export async function measureEditor(options: { app: { origin: string }; postId: number; saves: number }): Promise<EditorResult> {
  const { getPostForEdit } = await import('@/lib/posts/admin-queries');
  const { formValuesOf } = await import('@/lib/posts/form-values');
  const { snapshotOfPost } = await import('@/lib/posts/snapshot');
  const post = await getPostForEdit(options.postId);
  if (!post) throw new Error(`post #${options.postId} is gone`);
  const form = formValuesOf(snapshotOfPost(post)) as Record<string, string>;
  return measureSaves({ origin: options.app.origin, postId: post.id, form, version: post.version, saves: options.saves });
}
