import { expect, test, type Page } from '@playwright/test';
import { connect } from './database';
import { EDITOR_STATE } from './users';

test.use({ storageState: EDITOR_STATE });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createDraft(page: Page, title: string, body: string, tags: string) {
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('网址别名').fill(`list-${unique()}`);
  await page.getByLabel('标签').fill(tags);
  await page.getByLabel('正文', { exact: true }).fill(body);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/created=1/, { timeout: 20_000 });
}

test('an editor finds drafts by what they say, filters by tag name, sorts by pinyin and publishes two at once', async ({ page }) => {
  test.slow();
  const id = unique();
  const tag = `清单${id}`;
  await createDraft(page, `中文草稿 ${id}`, `用钉钉推送，暗号 word${id}。`, tag);
  await createDraft(page, `阿里草稿 ${id}`, '第二篇。', tag);
  await createDraft(page, `北京草稿 ${id}`, '第三篇。', tag);

  // The body, not just the title: a draft is found by what it says.
  await page.goto('/admin');
  await page.getByRole('search', { name: '筛选文章' }).getByRole('searchbox').fill(`word${id}`);
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByRole('table').getByRole('link')).toHaveText([`中文草稿 ${id}`]);

  // A tag picked by its name, titles in pinyin order.
  await page.goto(`/admin?tag=${encodeURIComponent(tag)}&sort=title`);
  await expect(page.getByRole('table').getByRole('link')).toHaveText([`阿里草稿 ${id}`, `北京草稿 ${id}`, `中文草稿 ${id}`]);

  // One question for two posts, then a message saying what was done.
  await page.getByLabel(`选择“阿里草稿 ${id}”`).check();
  await page.getByLabel(`选择“北京草稿 ${id}”`).check();
  await page.getByRole('form', { name: '批量操作' }).getByLabel('对所选文章').selectOption('publish');
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.message()), void d.accept())));
  await page.getByRole('button', { name: '执行' }).click();
  expect(await asked).toContain('对所选 2 篇文章发布');
  await expect(page.getByRole('status')).toContainText('已对 2 篇文章发布');
  await expect(page).toHaveURL(/sort=title/);
  await expect(page.getByRole('row').filter({ hasText: `阿里草稿 ${id}` })).toContainText('已发布');
  await expect(page.getByRole('row').filter({ hasText: `中文草稿 ${id}` })).toContainText('草稿');
  await expect(page.getByRole('row').filter({ hasText: `中文草稿 ${id}` }).locator('time')).toContainText('北京时间');
});

test('a page past the last goes to the last, and any page can be jumped to', async ({ page }) => {
  await page.goto('/admin?page=999');
  await expect(page).not.toHaveURL(/page=999/);
  await expect(page.getByText(/第 999 /)).toHaveCount(0);
  await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(1);
  const nav = page.getByRole('navigation', { name: '分页' });
  if (await nav.count()) {
    await nav.getByLabel(/跳到第/).fill('1');
    await nav.getByRole('button', { name: '跳转' }).click();
    await expect(nav).toContainText('第 1 /');
  }
});

test('next and previous walk a long list page by page, and a jump lands on the page asked for', async ({ page }) => {
  // 30 copies of a sample post under a tag of their own: two pages of 25.
  const id = unique();
  const tag = `翻页${id}`;
  const client = await connect();
  try {
    await client.query(
      `WITH t AS (INSERT INTO tags (name, name_key, slug) VALUES ($1, $1, $1) RETURNING id),
            p AS (INSERT INTO posts (slug, title, body, published_at, updated_at, status)
                  SELECT 'pager-' || $2 || '-' || g, '翻页测试 ' || lpad(g::text, 2, '0'), '正文', now(), now(), 'draft' FROM generate_series(1, 30) g RETURNING id)
       INSERT INTO post_tags (post_id, tag_id, position) SELECT p.id, t.id, 0 FROM p, t`,
      [tag, id],
    );
  } finally {
    await client.end();
  }
  const titles = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `翻页测试 ${String(from + i).padStart(2, '0')}`);
  const links = page.getByRole('table').getByRole('link');
  const nav = page.getByRole('navigation', { name: '分页' });

  await page.goto(`/admin?tag=${encodeURIComponent(tag)}&sort=title`);
  await expect(page.getByText('共 30 篇')).toBeVisible();
  await expect(links).toHaveText(titles(1, 25));
  await nav.getByRole('link', { name: '下一页 →' }).click();
  await expect(nav).toContainText('第 2 / 2 页');
  await expect(links).toHaveText(titles(26, 30));
  await nav.getByRole('link', { name: '← 上一页' }).click();
  await expect(nav).toContainText('第 1 / 2 页');
  await expect(links).toHaveText(titles(1, 25));

  await nav.getByLabel(/跳到第/).fill('2');
  await nav.getByRole('button', { name: '跳转' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(links).toHaveText(titles(26, 30));

  await page.goto(`/admin?tag=${encodeURIComponent(tag)}&sort=title&page=99`);
  await expect(nav).toContainText('第 2 / 2 页');
  await expect(links).toHaveText(titles(26, 30));
});
