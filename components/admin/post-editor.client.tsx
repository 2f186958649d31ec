'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { previewAction, savePostAction } from '@/lib/posts/actions';
import type { EditorState } from '@/lib/posts/editor-state';
import { fieldErrors, postFormSchema, type PostFormInput } from '@/lib/validations/post-form';
import { CodeEditor } from './code-editor.client';
import { ConflictPanel } from './conflict-panel';
import { Field } from './field';

interface PostEditorProps {
  postId?: number;
  version: number;
  initial: PostFormInput;
  tagSuggestions: string[];
  categorySuggestions: string[];
}

const OFFSETS = ['-08:00', '-05:00', '+00:00', '+01:00', '+05:30', '+08:00', '+09:00'];

export function PostEditor({ postId, version: initialVersion, initial, tagSuggestions, categorySuggestions }: PostEditorProps) {
  const [state, formAction, pending] = useActionState<EditorState, FormData>(savePostAction, { status: 'idle' });
  const [clientErrors, setClientErrors] = useState<EditorState['errors']>();
  // Versions only grow: the newest of what the server last confirmed and what a conflict offered.
  const [overrideVersion, setOverrideVersion] = useState(0);
  const version = Math.max(overrideVersion, state.version ?? initialVersion);
  const [dirty, setDirty] = useState(false);
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    if (state.status === 'saved' || state.status === 'unchanged') setDirty(false);
  }
  const [format, setFormat] = useState(initial.format);
  const [body, setBody] = useState(initial.body);
  const [preview, setPreview] = useState<{ html?: string; error?: string }>({});
  const formRef = useRef<HTMLFormElement>(null);
  const errors = clientErrors ?? state.errors;

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    const save = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', save);
    return () => window.removeEventListener('keydown', save);
  }, []);

  useEffect(() => {
    const title = String(new FormData(formRef.current ?? undefined).get('title') ?? '');
    const timer = setTimeout(() => {
      void previewAction(format, body, title).then(setPreview);
    }, 500);
    return () => clearTimeout(timer);
  }, [format, body]);

  function validate(event: FormEvent<HTMLFormElement>) {
    const parsed = postFormSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (parsed.success) {
      setClientErrors(undefined);
      return;
    }
    event.preventDefault();
    const found = fieldErrors(parsed.error);
    setClientErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`field-${first}`)?.focus();
  }

  const error = (name: keyof PostFormInput) => errors?.[name];

  return (
    <form ref={formRef} action={formAction} onSubmit={validate} onChange={() => setDirty(true)} className="editor" noValidate>
      {postId ? <input type="hidden" name="postId" value={postId} /> : null}
      <input type="hidden" name="version" value={version} />
      <div className="editor-status" role="status" aria-live="polite">
        {pending ? '正在保存…' : state.message ?? (dirty ? '有未保存的修改' : '')}
      </div>
      {state.status === 'conflict' && state.conflict ? (
        <ConflictPanel conflict={state.conflict} onOverwrite={() => setOverrideVersion(state.conflict!.version)} />
      ) : null}
      <div className="editor-grid">
        <fieldset className="editor-meta">
          <legend>文章信息</legend>
          <Field name="title" label="标题" errors={error('title')}>
            {(p) => <input {...p} name="title" defaultValue={initial.title} required />}
          </Field>
          <Field name="slug" label="网址别名" errors={error('slug')} hint="留空则由标题生成；修改后旧网址会 301 跳转到新网址。">
            {(p) => <input {...p} name="slug" defaultValue={initial.slug} />}
          </Field>
          <div className="field-row">
            <Field name="date" label="发布时间" errors={error('date')}>
              {(p) => <input {...p} name="date" type="datetime-local" step={1} defaultValue={initial.date} />}
            </Field>
            <Field name="utcOffset" label="时区" errors={error('utcOffset')}>
              {(p) => (
                <select {...p} name="utcOffset" defaultValue={initial.utcOffset}>
                  {[...new Set([...OFFSETS, initial.utcOffset])].map((o) => (
                    <option key={o} value={o}>
                      UTC{o}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field name="status" label="状态" errors={error('status')} hint="定时：到发布时间自动上线。">
            {(p) => (
              <select {...p} name="status" defaultValue={initial.status}>
                <option value="draft">草稿</option>
                <option value="published">已发布</option>
                <option value="scheduled">定时发布</option>
              </select>
            )}
          </Field>
          <Field name="description" label="摘要" errors={error('description')}>
            {(p) => <textarea {...p} name="description" rows={3} defaultValue={initial.description} />}
          </Field>
          <Field name="keywords" label="关键词" errors={error('keywords')}>
            {(p) => <input {...p} name="keywords" defaultValue={initial.keywords} />}
          </Field>
          <Field name="tags" label="标签" errors={error('tags')} hint="用逗号分隔；输入新名称即新建标签。">
            {(p) => <input {...p} name="tags" list="tag-suggestions" defaultValue={initial.tags} />}
          </Field>
          <datalist id="tag-suggestions">
            {tagSuggestions.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <Field name="categories" label="分类" errors={error('categories')} hint="用逗号分隔。">
            {(p) => <input {...p} name="categories" list="category-suggestions" defaultValue={initial.categories} />}
          </Field>
          <datalist id="category-suggestions">
            {categorySuggestions.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <Field name="coverImage" label="封面图片网址" errors={error('coverImage')}>
            {(p) => <input {...p} name="coverImage" type="url" defaultValue={initial.coverImage} />}
          </Field>
          <Field name="coverAlt" label="封面替代文字" errors={error('coverAlt')}>
            {(p) => <input {...p} name="coverAlt" defaultValue={initial.coverAlt} />}
          </Field>
          <Field name="featuredImage" label="featuredImage" errors={error('featuredImage')}>
            {(p) => <input {...p} name="featuredImage" type="url" defaultValue={initial.featuredImage} />}
          </Field>
          <Field name="featuredImagePreview" label="featuredImagePreview" errors={error('featuredImagePreview')}>
            {(p) => <input {...p} name="featuredImagePreview" type="url" defaultValue={initial.featuredImagePreview} />}
          </Field>
          <Field name="sourceUrl" label="原文链接" errors={error('sourceUrl')}>
            {(p) => <input {...p} name="sourceUrl" type="url" defaultValue={initial.sourceUrl} />}
          </Field>
          <Field name="extra" label="其他字段（YAML）" errors={error('extra')} hint="导入时未建模的字段，原样保存，导出时写回。">
            {(p) => <textarea {...p} name="extra" rows={6} className="code" spellCheck={false} defaultValue={initial.extra} />}
          </Field>
        </fieldset>
        <div className="editor-body">
          <Field name="format" label="正文格式" errors={error('format')}>
            {(p) => (
              <select {...p} name="format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
                <option value="markdown">Markdown</option>
                <option value="mdx">MDX</option>
                <option value="html">HTML</option>
              </select>
            )}
          </Field>
          <Field name="body" label="正文" errors={error('body')} hint="Ctrl/⌘+S 保存。">
            {(p) => (
              <CodeEditor
                id={p.id}
                name="body"
                label="正文"
                value={body}
                language={format}
                describedBy={p['aria-describedby']}
                invalid={p['aria-invalid']}
                onChange={(value) => {
                  setBody(value);
                  setDirty(true);
                }}
              />
            )}
          </Field>
          <section className="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">预览</h2>
            {preview.error ? (
              <p className="field-error" role="alert">
                {preview.error}
              </p>
            ) : (
              <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html ?? '' }} />
            )}
          </section>
        </div>
      </div>
      <div className="editor-actions">
        <Field name="message" label="修改说明（可选）" errors={error('message')}>
          {(p) => <input {...p} name="message" defaultValue="" />}
        </Field>
        <button type="submit" disabled={pending}>
          {pending ? '正在保存…' : '保存'}
        </button>
      </div>
    </form>
  );
}
