import { describe, expect, it } from 'vitest';
import { postFormSchema } from './post-form';
import { isImageUrl } from './post';

describe('image URLs', () => {
  it.each(['https://picsum.photos/800/600?random=11', '/images/a.png', 'images/封面.png', '../a.png', '/a b.png'])('accepts %s', (url) => {
    expect(isImageUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com/a.png',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:image/png;base64,AAAA',
    'vbscript:x',
    'ftp://example.com/a.png',
    '//evil.example/a.png',
    '/\\evil.example/a.png',
    'https://',
  ])('refuses %j', (url) => {
    expect(isImageUrl(url)).toBe(false);
  });

  it('is what the editor form checks on every image field, with a message in Chinese', () => {
    const form = {
      title: 't', slug: '', date: '2024-01-01T10:00', utcOffset: '+08:00', description: '', keywords: '', tags: '', categories: '',
      coverImage: 'javascript:alert(1)', coverAlt: '', featuredImage: 'http://x.example/a.png', featuredImagePreview: '/ok.png',
      sourceUrl: '', status: 'draft', format: 'markdown', body: '', extra: '', message: '',
    };
    const result = postFormSchema.safeParse(form);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['coverImage', expect.stringContaining('https:')],
      ['featuredImage', expect.stringContaining('https:')],
    ]);
  });
});
