import { describe, expect, it } from 'vitest';
import { siteSettingsFormSchema } from './settings';

const form = { title: '站名', description: '', timeZone: 'Asia/Shanghai', publicOrigin: '', logoUrl: '', faviconUrl: '', navLinks: '首页 | /\n关于 | https://example.com/about', postsPerPage: '10' };

describe('site settings', () => {
  it('reads navigation lines, keeps only the origin of the public URL and blanks as none', () => {
    const parsed = siteSettingsFormSchema.parse({ ...form, publicOrigin: 'https://blog.example.com/x?y' });
    expect(parsed).toMatchObject({
      publicOrigin: 'https://blog.example.com',
      logoUrl: null,
      navLinks: [{ label: '首页', href: '/' }, { label: '关于', href: 'https://example.com/about' }],
    });
  });

  it('refuses an unknown zone, a script link and a protocol-relative logo', () => {
    const result = siteSettingsFormSchema.safeParse({ ...form, timeZone: 'Mars/Olympus', navLinks: '坏 | javascript:alert(1)', logoUrl: '//evil.example/x.png' });
    expect(result.success).toBe(false);
    expect(Object.keys(result.error!.flatten().fieldErrors).sort()).toEqual(['logoUrl', 'navLinks', 'timeZone']);
  });

  it('refuses a backslash path, which browsers read as another site', () => {
    const result = siteSettingsFormSchema.safeParse({ ...form, navLinks: '坏 | /\\evil.example', faviconUrl: '/\\evil.example/x.ico' });
    expect(result.success).toBe(false);
    expect(Object.keys(result.error!.flatten().fieldErrors).sort()).toEqual(['faviconUrl', 'navLinks']);
  });

  it('takes posts per page as a whole number from 1 to 100, and says so in Chinese otherwise', () => {
    expect(siteSettingsFormSchema.parse({ ...form, postsPerPage: ' 20 ' }).postsPerPage).toBe(20);
    expect(siteSettingsFormSchema.parse({ ...form, postsPerPage: '1' }).postsPerPage).toBe(1);
    expect(siteSettingsFormSchema.parse({ ...form, postsPerPage: '100' }).postsPerPage).toBe(100);
    for (const bad of ['0', '101', '', '1.5', '-3', '十', '1e2', '9999']) {
      const result = siteSettingsFormSchema.safeParse({ ...form, postsPerPage: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error!.flatten().fieldErrors.postsPerPage, bad).toEqual(['每页文章数需为 1 到 100 之间的整数']);
    }
  });

  it('takes logo and favicon only from the media library', () => {
    const file = `/media/${'0123456789abcdef'.repeat(2)}`;
    expect(siteSettingsFormSchema.parse({ ...form, logoUrl: `${file}.png`, faviconUrl: `${file}-320.webp` })).toMatchObject({ logoUrl: `${file}.png`, faviconUrl: `${file}-320.webp` });
    for (const bad of ['https://cdn.example.com/logo.png', '/logo.png', `${file}.svg`, `${file}.png?x`, `/media/../${file}.png`, 'javascript:alert(1)']) {
      const result = siteSettingsFormSchema.safeParse({ ...form, logoUrl: bad });
      expect(result.error?.flatten().fieldErrors.logoUrl, bad).toEqual(['请从媒体库中选择图片，或上传一张']);
    }
  });
});
