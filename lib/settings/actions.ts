'use server';

import { authorizeAction } from '@/lib/auth/session';
import { siteSettingsFormSchema } from '@/lib/validations/settings';
import { saveSiteSettings } from './write';

export interface SettingsState {
  message?: string;
  errors?: Partial<Record<string, string[]>>;
}

/** Admins only: the site's title, description, zone, origin, images and navigation. */
export async function saveSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  await authorizeAction('admin');
  const parsed = siteSettingsFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: '有字段需要修改。', errors: parsed.error.flatten().fieldErrors };
  const warning = await saveSiteSettings(parsed.data);
  return { message: warning ? `已保存，但${warning}` : '已保存，所有页面已更新。' };
}
