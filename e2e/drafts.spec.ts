import { expect, test } from '@playwright/test';
import { samples } from './fixtures';

for (const draft of samples.drafts) {
  test(`the draft "${draft.slug}" never leaks`, async ({ page, request }) => {
    expect((await page.goto(`/posts/${draft.slug}`))?.status()).toBe(404);
    await expect(page.getByText(draft.title)).toHaveCount(0);
    const older = /href="(\/before\/\d+)"/.exec(await (await request.get('/')).text())?.[1];
    expect(older).toBeTruthy();
    for (const path of ['/', older!, '/archive', '/tags', '/feed.xml', '/sitemaps/pages.xml', '/sitemaps/posts-0.xml', `/search?q=${encodeURIComponent(draft.title.slice(0, 6))}`]) {
      const body = await (await request.get(path)).text();
      expect(body, path).not.toContain(draft.title);
      expect(body, path).not.toContain(`/posts/${draft.slug}`);
    }
  });
}
