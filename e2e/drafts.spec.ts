import { expect, test } from '@playwright/test';
import { samples } from './fixtures';

for (const draft of samples.drafts) {
  test(`the draft "${draft.slug}" never leaks`, async ({ page, request }) => {
    expect((await page.goto(`/posts/${draft.slug}`))?.status()).toBe(404);
    await expect(page.getByText(draft.title)).toHaveCount(0);
    for (const path of ['/', '/page/2', '/archive', '/tags', '/feed.xml', '/sitemap.xml', `/search?q=${encodeURIComponent(draft.title.slice(0, 6))}`]) {
      const body = await (await request.get(path)).text();
      expect(body, path).not.toContain(draft.title);
      expect(body, path).not.toContain(`/posts/${draft.slug}`);
    }
  });
}
