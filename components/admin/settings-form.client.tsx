'use client';

import { useActionState } from 'react';
import { saveSettingsAction, type SettingsState } from '@/lib/settings/actions';
import { Field } from './field';

interface SettingsFormProps {
  initial: { title: string; description: string; timeZone: string; publicOrigin: string; logoUrl: string; faviconUrl: string; navLinks: string };
  /** SITE_URL, used when no origin is saved here. */
  envOrigin: string | null;
}

export function SettingsForm({ initial, envOrigin }: SettingsFormProps) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, {});
  const error = (name: string) => state.errors?.[name];
  return (
    <form action={action} className="form" aria-label="站点设置">
      <Field name="title" label="站点标题" errors={error('title')}>
        {(p) => <input {...p} name="title" defaultValue={initial.title} required />}
      </Field>
      <Field name="description" label="站点简介" errors={error('description')}>
        {(p) => <textarea {...p} name="description" rows={2} defaultValue={initial.description} />}
      </Field>
      <Field name="timeZone" label="时区" errors={error('timeZone')} hint="IANA 时区名，如 Asia/Shanghai；后台的所有时间都按它显示。">
        {(p) => <input {...p} name="timeZone" defaultValue={initial.timeZone} required />}
      </Field>
      <Field
        name="publicOrigin"
        label="公开网址"
        errors={error('publicOrigin')}
        hint={`规范链接、订阅源和分享卡片中的绝对网址用它。${envOrigin ? `留空则用环境变量 SITE_URL（${envOrigin}）。` : '未设置时这些网址会指向 localhost。'}`}
      >
        {(p) => <input {...p} name="publicOrigin" type="url" placeholder="https://blog.example.com" defaultValue={initial.publicOrigin} />}
      </Field>
      <Field name="logoUrl" label="标志图片网址" errors={error('logoUrl')} hint="媒体库中图片的网址（/media/…）或 https: 网址；留空则只显示站点标题。">
        {(p) => <input {...p} name="logoUrl" defaultValue={initial.logoUrl} />}
      </Field>
      <Field name="faviconUrl" label="网站图标网址" errors={error('faviconUrl')} hint="留空则用默认图标。">
        {(p) => <input {...p} name="faviconUrl" defaultValue={initial.faviconUrl} />}
      </Field>
      <Field name="navLinks" label="导航链接" errors={error('navLinks')} hint="每行一个：名称 | /路径 或 名称 | https://…">
        {(p) => <textarea {...p} name="navLinks" rows={6} defaultValue={initial.navLinks} />}
      </Field>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? '正在保存…' : '保存设置'}
        </button>
      </p>
      <p role="status" aria-live="polite">
        {state.message}
      </p>
    </form>
  );
}
