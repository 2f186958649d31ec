import { describe, expect, it } from 'vitest';
import { siteSettingsFormSchema } from './settings';

const form = { title: '站名', description: '', timeZone: 'Asia/Shanghai', publicOrigin: '', logoUrl: '', faviconUrl: '', navLinks: '首页 | /\n关于 | https://example.com/about' };

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
});
