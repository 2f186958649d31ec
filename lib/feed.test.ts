import { describe, expect, it } from 'vitest';
import { buildRssFeed } from './feed';

describe("the feed's channel", () => {
  it('stays well-formed XML whatever the site settings hold', () => {
    const xml = buildRssFeed([], { title: '标题\u0001<b>&', description: '简介\u0008"', origin: 'https://a&b.example' });
    expect(xml).toContain('<title>标题&lt;b&gt;&amp;</title>');
    expect(xml).toContain('<description>简介&quot;</description>');
    expect(xml).toContain('<link>https://a&amp;b.example/</link>');
    expect(xml).toContain('<atom:link href="https://a&amp;b.example/feed.xml"');
    expect(xml).not.toMatch(/[\u0001\u0008]/);
  });
});
