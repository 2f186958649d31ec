import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runCli } from './users';

/** Imports a file with the CLI, against the database the test server runs on, as a user would. */
async function importFile(text: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-import-'));
  const file = path.join(dir, '2020-01-02-e2e-post.md');
  await writeFile(file, text);
  return (await runCli('import', [file])).output;
}

const post = (title: string, slug: string) => `---
title: "${title}"
date: 2020-01-02 08:00:00 +08:00
slug: ${slug}
artid: "990000001"
categories: ['端到端']
tags: ['端到端专用']
---
正文：用于验证缓存会随导入刷新。
`;

test.describe.configure({ mode: 'serial' });

test('an import from the CLI while the server runs shows up on the next request', async ({ page }) => {
  await page.goto('/archive/2020/01');
  await expect(page.getByText('端到端 第一版')).toHaveCount(0);
  const out = await importFile(post('端到端 第一版', 'e2e-cache-v1'));
  expect(out).toContain('Imported 1');
  await page.goto('/archive/2020/01');
  await expect(page.getByRole('link', { name: '端到端 第一版' })).toBeVisible();
  await page.goto('/posts/e2e-cache-v1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('端到端 第一版');
});

test('an edit revalidates the article, its old slug answers 301, and lists follow', async ({ page, request }) => {
  await page.goto('/tags/端到端专用');
  await expect(page.getByRole('link', { name: '端到端 第一版' })).toBeVisible();
  const out = await importFile(post('端到端 第二版', 'e2e-cache-v2'));
  expect(out).toContain('updated');
  // The import ran in another process: its expiries reach this server through Postgres, a moment later.
  const oldSlug = () => request.get('/posts/e2e-cache-v1', { maxRedirects: 0 });
  await expect.poll(async () => (await oldSlug()).status(), { timeout: 2_000, intervals: [50] }).toBe(301);
  expect((await oldSlug()).headers().location).toMatch(/\/posts\/e2e-cache-v2$/);
  await page.goto('/posts/e2e-cache-v1');
  await expect(page).toHaveURL(/\/posts\/e2e-cache-v2$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('端到端 第二版');
  await page.goto('/tags/端到端专用');
  await expect(page.getByRole('link', { name: '端到端 第二版' })).toBeVisible();
  await expect(page.getByText('端到端 第一版')).toHaveCount(0);
});
