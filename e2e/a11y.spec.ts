import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { samples } from './fixtures';

const pages = {
  home: '/',
  article: `/posts/${samples.rag.slug}`,
  'HTML article': `/posts/${samples.diffusion.slug}`,
  tag: '/tags/大模型',
  search: '/search?q=RAG',
  archive: '/archive',
  'archive month': '/archive/2024/09',
  '404': '/posts/no-such-post',
};

for (const [name, path] of Object.entries(pages)) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violations on the ${name} page (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('a keyboard user can skip to the content and sees where focus is', async ({ page }) => {
  await page.goto(`/posts/${samples.rag.slug}`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test.describe('the admin', () => {
  test.use({ storageState: 'playwright/.auth/admin.json' });

  for (const [name, path] of Object.entries({ 'post list': '/admin', editor: '/admin/posts/1', history: '/admin/posts/1/history', users: '/admin/users', tags: '/admin/tags', import: '/admin/import' })) {
    test(`axe finds no violations on the ${name} page`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});

test('axe finds no violations on the sign-in page', async ({ page }) => {
  await page.goto('/admin/login');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
