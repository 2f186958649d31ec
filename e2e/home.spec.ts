import { expect, test } from '@playwright/test';

test('the home page lists the imported, published posts in Chinese', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('RAG 检索增强生成从入门到落地：一文讲清原理与最小实现')).toBeVisible();
  await expect(page.getByText('提示词工程十条心得：让大模型听懂你的话')).toBeVisible();
});

test('drafts are not listed', async ({ page }) => {
  await page.goto('/');
  // published: false and draft: true in their front matter.
  await expect(page.getByText('大模型量化入门')).toHaveCount(0);
  await expect(page.getByText('多模态大模型综述')).toHaveCount(0);
});

test('a post written at 05:08 on 9 September in +08:00 shows that day', async ({ page }) => {
  await page.goto('/');
  const item = page.getByRole('listitem').filter({ hasText: 'RAG 检索增强生成从入门到落地' });
  await expect(item.locator('time')).toHaveText('2024年9月9日');
});
