import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { siteSettingsFormSchema } from '@/lib/validations/settings';
import { connectTestDatabase } from '@/test/database';
import { toFormValues, type SettingsFormValues } from './form';
import { DEFAULT_SETTINGS, settingsOfRow } from './read';
import { saveSiteSettings } from './write';

beforeAll(() => connectTestDatabase());
afterAll(() => disconnectDb());

const stored = async () => toFormValues(settingsOfRow(await db.siteSettings.findUnique({ where: { id: 1 } })));

/** What an admin's form sends: the fields they were shown, with their edits. */
const edit = (base: SettingsFormValues, changes: Partial<SettingsFormValues>) => siteSettingsFormSchema.parse({ ...base, ...changes });

describe('saveSiteSettings', () => {
  it('keeps both admins’ changes when they saved different fields from the same page', async () => {
    const opened = await stored();
    expect(opened.title).toBe(DEFAULT_SETTINGS.title);
    expect(await saveSiteSettings(edit(opened, { title: '甲改的标题' }), opened)).toMatchObject({ ok: true });
    expect(await saveSiteSettings(edit(opened, { postsPerPage: '7', navLinks: '首页 | /\n关于 | /about' }), opened)).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ title: '甲改的标题', postsPerPage: '7', navLinks: '首页 | /\n关于 | /about' });
  });

  it('refuses, saving nothing, a change to a field another admin changed since, and names it', async () => {
    const opened = await stored();
    expect(await saveSiteSettings(edit(opened, { description: '甲的简介' }), opened)).toMatchObject({ ok: true });
    const second = await saveSiteSettings(edit(opened, { description: '乙的简介', timeZone: 'Europe/Paris' }), opened);
    expect(second).toMatchObject({ ok: false, conflicts: ['description'], current: { description: '甲的简介' } });
    expect(await stored()).toMatchObject({ description: '甲的简介', timeZone: opened.timeZone });

    // Shown the other value, saving again replaces it on purpose.
    const seen = await stored();
    expect(await saveSiteSettings(edit(seen, { description: '乙的简介', timeZone: 'Europe/Paris' }), seen)).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ description: '乙的简介', timeZone: 'Europe/Paris' });
  });

  it('takes the same change made twice, and what was typed differently but means the same, as no conflict', async () => {
    const opened = await stored();
    expect(await saveSiteSettings(edit(opened, { publicOrigin: 'https://blog.example.com' }), opened)).toMatchObject({ ok: true });
    expect(await saveSiteSettings(edit(opened, { publicOrigin: 'https://blog.example.com/', title: ` ${opened.title} ` }), opened)).toMatchObject({ ok: true });
    expect((await stored()).publicOrigin).toBe('https://blog.example.com');
  });

  it('lets exactly one of several simultaneous saves of the same field through', async () => {
    for (let round = 0; round < 5; round++) {
      const opened = await stored();
      const titles = ['甲', '乙', '丙', '丁', '戊', '己'].map((name) => `并发${round}${name}`);
      const outcomes = await Promise.all(titles.map((title) => saveSiteSettings(edit(opened, { title }), opened)));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect((await stored()).title).toBe(titles[outcomes.findIndex((o) => o.ok)]);
    }
  });

  it('writes nothing when nothing changed', async () => {
    const opened = await stored();
    const before = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(await saveSiteSettings(edit(opened, {}), opened)).toMatchObject({ ok: true, warning: null });
    expect((await db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).updatedAt).toEqual(before.updatedAt);
  });
});
