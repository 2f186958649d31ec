'use client';

import { useActionState } from 'react';
import { saveSettingsAction, type SettingsState } from '@/lib/settings/actions';
import type { SettingsFormValues } from '@/lib/settings/form';
import { POSTS_PER_PAGE } from '@/lib/validations/settings';
import { Field } from './field';
import { MediaPicker } from './media-picker.client';

interface SettingsFormProps {
  initial: SettingsFormValues;
  /** SITE_URL, used when no origin is saved here. */
  envOrigin: string | null;
}

export function SettingsForm({ initial, envOrigin }: SettingsFormProps) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, {});
  const error = (name: string) => state.errors?.[name];
  // After a save, what was saved; after an error, what was typed (React resets the fields to these).
  const v = state.values ?? initial;
  return (
    <form action={action} className="form" aria-label="站点设置">
      {/* What this page was opened with: the save keeps other admins' changes to fields not edited here. */}
      <input type="hidden" name="base" value={JSON.stringify(state.base ?? initial)} />
      <Field name="title" label="站点标题" errors={error('title')}>
        {(p) => <input {...p} name="title" defaultValue={v.title} required />}
      </Field>
      <Field name="description" label="站点简介" errors={error('description')}>
        {(p) => <textarea {...p} name="description" rows={2} defaultValue={v.description} />}
      </Field>
      <Field name="timeZone" label="时区" errors={error('timeZone')} hint="IANA 时区名，如 Asia/Shanghai；后台的所有时间都按它显示。">
        {(p) => <input {...p} name="timeZone" defaultValue={v.timeZone} required />}
      </Field>
      <Field name="postsPerPage" label="每页文章数" errors={error('postsPerPage')} hint={`首页、标签、分类和搜索结果每页显示的文章数（${POSTS_PER_PAGE.min}–${POSTS_PER_PAGE.max}）。`}>
        {(p) => <input {...p} name="postsPerPage" type="number" inputMode="numeric" defaultValue={v.postsPerPage} required />}
      </Field>
      <Field
        name="publicOrigin"
        label="公开网址"
        errors={error('publicOrigin')}
        hint={`规范链接、订阅源和分享卡片中的绝对网址用它。${envOrigin ? `留空则用环境变量 SITE_URL（${envOrigin}）。` : '未设置时这些网址会指向 localhost。'}`}
      >
        {(p) => <input {...p} name="publicOrigin" type="url" placeholder="https://blog.example.com" defaultValue={v.publicOrigin} />}
      </Field>
      <MediaPicker key={`logo:${v.logoUrl}`} name="logoUrl" label="标志" initial={v.logoUrl} errors={error('logoUrl')} hint="显示在每个页面顶部的站点标题旁；不设置则只显示标题。" />
      <MediaPicker key={`icon:${v.faviconUrl}`} name="faviconUrl" label="网站图标" initial={v.faviconUrl} errors={error('faviconUrl')} hint="浏览器标签页上的图标，宜用正方形的 PNG；不设置则用默认图标。" />
      <Field name="navLinks" label="导航链接" errors={error('navLinks')} hint="每行一个：名称 | /路径 或 名称 | https://…">
        {(p) => <textarea {...p} name="navLinks" rows={6} defaultValue={v.navLinks} />}
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
