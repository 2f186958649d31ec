import { expect, test, type Page } from '@playwright/test';
import { connect, postmaster, startPostgres, stopPostgres } from './database';
import { samples } from './fixtures';
import { ADMIN_STATE } from './users';

/**
 * Readers and editors together for SOAK_SECONDS (5 minutes by default), with
 * Postgres stopped and started in the middle: counts what was served, and
 * proves every save the editor saw acknowledged is in the database.
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const READERS = 6;
const PAGES = ['/', `/posts/${samples.rag.slug}`, `/posts/${samples.diffusion.slug}`, '/tags', '/tags/大模型', '/archive', '/feed.xml', '/search?q=RAG', '/sitemap.xml'];

interface Ack {
  postId: number;
  version: number;
  marker: string;
}

async function newPost(page: Page, n: number): Promise<number> {
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(`压力测试 ${n}`);
  await page.getByLabel('网址别名').fill(`soak-${n}-${Date.now()}`);
  await page.getByLabel('发布时间').fill('2019-06-01T08:00:00');
  await page.getByLabel('状态').selectOption('published');
  await page.getByLabel('正文', { exact: true }).fill('初始正文');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+/);
  return Number(page.url().match(/posts\/(\d+)/)![1]);
}

async function editLoop(page: Page, postId: number, editor: number, until: number, acks: Ack[], failures: string[]) {
  let lastVersion = 0;
  for (let i = 0; Date.now() < until; i++) {
    const marker = `soak-${editor}-${i}-${Date.now()}`;
    try {
      if (!(await page.getByLabel('正文', { exact: true }).isVisible())) await page.goto(`/admin/posts/${postId}`);
      await page.getByLabel('正文', { exact: true }).fill(`## 第 ${i} 次\n\n${marker}`);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      // The save state beside the save button says which version the save became: a newer one than the last.
      const status = page.locator('.editor-actions').getByRole('status');
      const savedVersion = async () => Number((await status.textContent())?.match(/已保存为版本 (\d+)/)?.[1] ?? 0);
      await expect.poll(savedVersion, { timeout: 15_000 }).toBeGreaterThan(lastVersion);
      lastVersion = await savedVersion();
      acks.push({ postId, version: lastVersion, marker });
    } catch (error) {
      failures.push(`editor ${editor} save ${i}: ${(error as Error).message.split('\n')[0]}`);
      await page.goto(`/admin/posts/${postId}`).catch(() => undefined);
    }
    await page.waitForTimeout(500);
  }
}

test('readers and editors through a Postgres restart: every acknowledged save is kept', async ({ browser, playwright, baseURL }) => {
  test.setTimeout((SECONDS + 180) * 1000);
  const editors = await Promise.all([0, 1].map(() => browser.newContext({ storageState: ADMIN_STATE })));
  const pages = await Promise.all(editors.map((c) => c.newPage()));
  const postIds = [await newPost(pages[0]!, 0), await newPost(pages[1]!, 1)];

  const until = Date.now() + SECONDS * 1000;
  const statuses = new Map<string, number>();
  const reader = await playwright.request.newContext({ baseURL });
  const read = async () => {
    for (let i = 0; Date.now() < until; i++) {
      const path = PAGES[i % PAGES.length]!;
      const status = await reader.get(path, { timeout: 10_000 }).then((r) => String(r.status()), () => 'network error');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const acks: Ack[] = [];
  const failures: string[] = [];
  const restart = (async () => {
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
    const { port } = postmaster();
    stopPostgres();
    await new Promise((r) => setTimeout(r, 5_000));
    startPostgres(port);
  })();
  await Promise.all([
    ...Array.from({ length: READERS }, read),
    ...pages.map((page, i) => editLoop(page, postIds[i]!, i, until, acks, failures)),
    restart,
  ]);

  const client = await connect();
  const missing: Ack[] = [];
  for (const ack of acks) {
    const { rows } = await client.query<{ body: string }>('SELECT body FROM revisions WHERE post_id = $1 AND number = $2', [ack.postId, ack.version]);
    if (!rows[0]?.body.includes(ack.marker)) missing.push(ack);
  }
  const gaps = await client.query<{ post_id: number }>(
    `SELECT post_id FROM revisions WHERE post_id = ANY($1) GROUP BY post_id HAVING max(number) <> count(*)`,
    [postIds],
  );
  await client.end();
  const served = [...statuses.values()].reduce((a, b) => a + b, 0);
  console.log(
    `soak: ${SECONDS}s, ${served} reader requests (${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')}); ` +
      `${acks.length} saves acknowledged, ${failures.length} not (during the outage); ${missing.length} acknowledged saves missing`,
  );
  expect(missing).toEqual([]);
  expect(gaps.rows).toEqual([]);
  expect(acks.length).toBeGreaterThan(4);
  expect(statuses.get('200') ?? 0).toBeGreaterThan(served * 0.9);
  await Promise.all(editors.map((c) => c.close()));
  await reader.dispose();
});
