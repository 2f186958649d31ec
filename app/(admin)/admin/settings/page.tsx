import type { Metadata } from 'next';
import { SettingsForm } from '@/components/admin/settings-form.client';
import { requireAdmin } from '@/lib/auth/session';
import { toFormValues } from '@/lib/settings/form';
import { getSiteSettings } from '@/lib/settings/read';

export const metadata: Metadata = { title: '站点设置' };

export default async function SettingsPage() {
  await requireAdmin();
  const settings = await getSiteSettings();
  return (
    <>
      <h1>站点设置</h1>
      <p>保存后立即用于所有页面和所有实例，无需重新构建。</p>
      <SettingsForm initial={toFormValues(settings)} envOrigin={process.env.SITE_URL || null} />
    </>
  );
}
