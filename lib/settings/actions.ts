'use server';

import { authorizeAction } from '@/lib/auth/session';
import { findImageByUrl } from '@/lib/media/library';
import { siteSettingsFormSchema } from '@/lib/validations/settings';
import { toFormValues, type SettingsFormValues } from './form';
import { saveSiteSettings } from './write';

export interface SettingsState {
  message?: string;
  errors?: Partial<Record<string, string[]>>;
  /** What the fields show next: what was typed after an error, what was saved after a save. */
  values?: SettingsFormValues;
}

const typed = (formData: FormData) => Object.fromEntries([...formData].filter(([key, value]) => !key.startsWith('$') && typeof value === 'string')) as SettingsFormValues;

/** Admins only: the site's title, description, zone, origin, images, navigation and page size. */
export async function saveSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  await authorizeAction('admin');
  const parsed = siteSettingsFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: '有字段需要修改，设置没有保存。', errors: parsed.error.flatten().fieldErrors, values: typed(formData) };
  const errors: Record<string, string[]> = {};
  for (const field of ['logoUrl', 'faviconUrl'] as const) {
    const url = parsed.data[field];
    if (url && !(await findImageByUrl(url))) errors[field] = ['媒体库中已没有这张图片，请重新选择'];
  }
  if (Object.keys(errors).length) return { message: '有字段需要修改，设置没有保存。', errors, values: typed(formData) };
  const warning = await saveSiteSettings(parsed.data);
  return { message: warning ? `已保存，但${warning}` : '已保存，所有页面已更新。', values: toFormValues(parsed.data) };
}
