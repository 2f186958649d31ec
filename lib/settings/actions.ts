'use server';

import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/session';
import { findImageByUrl } from '@/lib/media/library';
import { siteSettingsFormSchema } from '@/lib/validations/settings';
import { SETTINGS_FIELDS, toFormValues, type SettingsField, type SettingsFormValues } from './form';
import { saveSiteSettings } from './write';

export interface SettingsState {
  message?: string;
  errors?: Partial<Record<string, string[]>>;
  /** What the fields show next: what was typed after an error, what was saved after a save. */
  values?: SettingsFormValues;
  /** The settings the next save is compared with: those last read from the server. */
  base?: SettingsFormValues;
}

const REFUSED = '有字段需要修改，设置没有保存。';

const formValuesSchema = z.object(Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, z.string()])) as Record<SettingsField, z.ZodString>);

/** The `base` field: the settings the form was opened with, as its fields held them. */
const baseSchema = z.string().transform((text, ctx) => {
  try {
    return formValuesSchema.parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'missing or malformed base' });
    return z.NEVER;
  }
});

const typed = (formData: FormData): SettingsFormValues =>
  Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, String(formData.get(f) ?? '')])) as SettingsFormValues;

const shown = (value: string) => (value ? `“${value.length > 120 ? `${value.slice(0, 120)}…` : value}”` : '空');

/** Admins only: the site's title, description, zone, origin, images, navigation and page size. */
export async function saveSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  await authorizeAction('admin');
  const base = baseSchema.safeParse(formData.get('base'));
  if (!base.success) return { message: '这个表单已过期，设置没有保存：请重新打开站点设置。' };
  const values = typed(formData);
  const parsed = siteSettingsFormSchema.safeParse(values);
  if (!parsed.success) return { message: REFUSED, errors: parsed.error.flatten().fieldErrors, values, base: base.data };
  const errors: Record<string, string[]> = {};
  for (const field of ['logoUrl', 'faviconUrl'] as const) {
    const url = parsed.data[field];
    if (url && url !== base.data[field] && !(await findImageByUrl(url))) errors[field] = ['媒体库中已没有这张图片，请重新选择'];
  }
  if (Object.keys(errors).length) return { message: REFUSED, errors, values, base: base.data };
  const outcome = await saveSiteSettings(parsed.data, base.data);
  if (!outcome.ok) {
    const now = toFormValues(outcome.current);
    return {
      message: '你打开设置之后，标出的字段已被另一次保存修改，设置没有保存。再次保存会用你填写的值替换它们。',
      errors: Object.fromEntries(outcome.conflicts.map((f) => [f, [`已被改为${shown(now[f])}`]])),
      // This admin's edits stay as typed; every other field shows what is stored now, so saving again changes only those edits.
      values: Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, outcome.changed.includes(f) ? values[f] : now[f]])) as SettingsFormValues,
      base: now,
    };
  }
  const saved = toFormValues(outcome.saved);
  return { message: outcome.warning ? `已保存，但${outcome.warning}` : '已保存，所有页面已更新。', values: saved, base: saved };
}
